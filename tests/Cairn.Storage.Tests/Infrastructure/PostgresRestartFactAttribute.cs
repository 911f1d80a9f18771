using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL-only test that restarts the server: needs CAIRN_TEST_POSTGRES, CAIRN_TEST_PG_CTL and
/// CAIRN_TEST_PG_DATA (exported by .ci/run). Skipped when they are missing outside CI; runs (and
/// fails) under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresRestartFactAttribute : FactAttribute
{
    public PostgresRestartFactAttribute()
    {
        var missing = new[] { TestDatabase.PostgresVariable, "CAIRN_TEST_PG_CTL", "CAIRN_TEST_PG_DATA" }
            .Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
        if (missing.Count > 0 && !TestDatabase.InContinuousIntegration)
            Skip = $"{string.Join(", ", missing)} not set (see docs/testing.md)";
    }
}
