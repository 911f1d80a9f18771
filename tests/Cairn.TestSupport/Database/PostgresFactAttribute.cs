namespace Cairn.TestSupport.Database;

/// <summary>A PostgreSQL-only test: skipped with the reason when CAIRN_TEST_POSTGRES is not set, run (and failing) under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestDatabase.SkipReason(Storage.SqlDialect.Postgres);
    }
}
