using Cairn.Storage.Migrations;
using Cairn.TestSupport.Database;
using Dapper;

namespace Cairn.Storage.Tests.Migrations;

public class MigrationRunnerTests
{
    [Fact]
    public void Load_ReturnsEveryMigrationOnce_InAscendingOrder_ForBothDialects()
    {
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            var versions = MigrationRunner.Load(dialect).Select(m => m.Version).ToList();
            Assert.Contains(1, versions);
            Assert.Equal(versions.Order().Distinct(), versions);
        }
    }

    [DatabaseTheory]
    public async Task Migrate_UntilVersionOne_CreatesOnlyTheCustodyTables_ThenCompletesLater(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect, migrateUntil: 1);
        await using var connection = await test.Database.OpenConnectionAsync();
        Assert.Equal([1], await MigrationRunner.AppliedVersionsAsync(connection));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT tree_size FROM custody_state"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cases"));

        var applied = await MigrationRunner.MigrateAsync(connection, dialect, test.Time);
        var all = MigrationRunner.Load(dialect).Select(m => m.Version).ToList();
        Assert.Equal(all.Skip(1), applied);
        Assert.Equal(all, await MigrationRunner.AppliedVersionsAsync(connection));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cases"));
        Assert.Empty(await MigrationRunner.MigrateAsync(connection, dialect, test.Time));
    }
}
