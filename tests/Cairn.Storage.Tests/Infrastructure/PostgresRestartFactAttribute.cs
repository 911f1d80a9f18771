using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL-only test that restarts the server: needs a cluster of its own, CAIRN_TEST_PG_RESTART
/// (connection string), CAIRN_TEST_PG_CTL and CAIRN_TEST_PG_DATA (its data directory), all exported
/// by .ci/run. Skipped when they are missing outside CI; runs (and
/// fails) under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresRestartFactAttribute : FactAttribute
{
    public const string ConnectionVariable = "CAIRN_TEST_PG_RESTART";

    public PostgresRestartFactAttribute()
    {
        var missing = new[] { ConnectionVariable, "CAIRN_TEST_PG_CTL", "CAIRN_TEST_PG_DATA" }
            .Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
        if (missing.Count > 0 && !TestDatabase.InContinuousIntegration)
            Skip = $"{string.Join(", ", missing)} not set (see docs/testing.md)";
    }
}
