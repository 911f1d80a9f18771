using Cairn.Cases.Custody;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Custody;

/// <summary>
/// <see cref="CairnDatabase.InOneTransactionAsync{T}"/> (the case dashboard's reads): the same actor's transactions inside
/// join one, every read still logged as its own entry and committed once; a failure inside writes none; another actor keeps its own.
/// </summary>
public class OneTransactionScopeTests
{
    [DatabaseTheory]
    public async Task SameActorsTransactions_JoinOne_AndEachReadIsStillLogged(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var log = new SqlCustodyLog(test.Database);
        var units = new List<UnitOfWork>();
        await test.Database.InOneTransactionAsync(TestDatabase.Alice, async () =>
        {
            foreach (var what in new[] { "ledger", "requests", "trace" })
                await test.Database.InTransactionAsync(TestDatabase.Alice, async unit =>
                {
                    units.Add(unit);
                    await unit.RecordAsync($"{what}.read", "case", "c1", "");
                });
            return true;
        });
        Assert.Equal(3, units.Count);
        Assert.Single(units.Distinct());
        var entries = await log.GetEntriesForAsync("case", "c1");
        Assert.Equal(["ledger.read", "requests.read", "trace.read"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(TestDatabase.Alice.User, e.User));
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [DatabaseTheory]
    public async Task FailureInside_WritesNoneOfTheScopesEntries(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var log = new SqlCustodyLog(test.Database);
        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Database.InOneTransactionAsync<bool>(TestDatabase.Alice, async () =>
        {
            await test.Database.InTransactionAsync(TestDatabase.Alice, unit => unit.RecordAsync("ledger.read", "case", "c1", ""));
            throw new InvalidOperationException("a later read failed");
        }));
        Assert.Empty(await log.GetEntriesForAsync("case", "c1"));
        var next = await log.AppendAsync(new CustodyRecord(TestDatabase.Alice, "case.read", "case", "c1", ""));
        Assert.Equal(0, next.Sequence);
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [DatabaseTheory]
    public async Task AnotherActorInside_KeepsItsOwnTransactionOnPostgres_AndIsRefusedAtOnceOnSqlite(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        UnitOfWork? shared = null, other = null, after = null;
        var scope = test.Database.InOneTransactionAsync(TestDatabase.Alice, async () =>
        {
            await test.Database.InTransactionAsync(TestDatabase.Alice, unit => { shared = unit; return Task.CompletedTask; });
            await test.Database.InTransactionAsync(TestDatabase.Bruno, unit => { other = unit; return Task.CompletedTask; });
            return true;
        });
        if (dialect == SqlDialect.Sqlite)
        {
            // Not a 30-second wait for the busy timeout: SQLite has one writer, and it is the shared transaction.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => scope);
            Assert.Contains("bruno@bka-de", refused.Message, StringComparison.Ordinal);
        }
        else
        {
            await scope;
            Assert.NotNull(other);
            Assert.NotSame(shared, other);
        }
        await test.Database.InTransactionAsync(TestDatabase.Alice, unit => { after = unit; return Task.CompletedTask; });
        Assert.NotNull(shared);
        Assert.NotSame(shared, after);
    }
}
