using Cairn.TestSupport.Database;
using Cairn.TestSupport.Tools;

namespace Cairn.Cli.Tests.Backup;

/// <summary>Needs CAIRN_TEST_POSTGRES and pg_dump/pg_restore: skipped with the reason when one is missing, run (and failing) under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresToolsFactAttribute : FactAttribute
{
    public PostgresToolsFactAttribute()
    {
        Skip = TestDatabase.SkipReason(Cairn.Storage.SqlDialect.Postgres)
            ?? (new[] { "pg_dump", "pg_restore" }.Any(t => ExternalTool.Find(t) is null) && !TestDatabase.InContinuousIntegration
                ? "pg_dump/pg_restore not installed (Debian postgresql-client; .ci/run installs it)" : null);
    }
}
