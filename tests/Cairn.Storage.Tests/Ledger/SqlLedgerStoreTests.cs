using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Ledger;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Ledger;

public class SqlLedgerStoreTests
{
    private static readonly AssetKey Usdt = new("eth", "USDT", "binance-account-123");

    private static NewLedgerEvent Event(LedgerEventKind kind, string amount) =>
        new(kind, Usdt, System.Numerics.BigInteger.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EU Regulation 2018/1805 Art. 7", "Parquet de Paris", "FR", null, "GB", []);

    [DatabaseTheory]
    public async Task Add_KeepsExactAmounts_AndAnInvariantBreakWritesNothing(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Pig butchering", "fraud"));
        var store = new SqlLedgerStore(test.Database);
        await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Freeze, "123456789012345678901234567890"));
        await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Seize, "123456789012345678901234567889"));
        var log = new SqlCustodyLog(test.Database);
        var sizeBefore = (await log.GetHeadAsync()).Head.TreeSize;

        var error = await Assert.ThrowsAsync<CairnException>(() => store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Seize, "2")));
        Assert.Contains("only 1 base unit of USDT is frozen", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => store.AddAsync(TestDatabase.Alice, "NOPE", Event(LedgerEventKind.Freeze, "1")));
        Assert.Equal(sizeBefore, (await log.GetHeadAsync()).Head.TreeSize);

        var report = await store.GetAsync(TestDatabase.Alice, "C-1");
        Assert.Equal(2, report.Events.Count);
        var balance = Assert.Single(report.Balances);
        Assert.Equal(System.Numerics.BigInteger.One, balance.Frozen);
        Assert.Equal(System.Numerics.BigInteger.Parse("123456789012345678901234567889", System.Globalization.CultureInfo.InvariantCulture), balance.Seized);
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [DatabaseTheory]
    public async Task Add_KeepsTheDateItHappenedAndTheTokenDecimals(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Pig butchering", "fraud"));
        var store = new SqlLedgerStore(test.Database);
        var happened = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

        await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Freeze, "2500000") with { OccurredAt = happened, Decimals = 6 });
        var unDated = await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Freeze, "1"));

        var events = (await store.GetAsync(TestDatabase.Alice, "C-1")).Events;
        Assert.Equal((happened, 6), (events[0].Details.OccurredAt!.Value, events[0].Details.Decimals!.Value));
        Assert.Equal(unDated.RecordedAt, events[1].Details.OccurredAt);
        Assert.Null(events[1].Details.Decimals);
    }

    [DatabaseTheory]
    public async Task Disposal_IsPendingUntilASecondUserApproves_AndARejectedOneNeverCounts(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Pig butchering", "fraud"));
        var store = new SqlLedgerStore(test.Database);
        foreach (var kind in new[] { LedgerEventKind.Freeze, LedgerEventKind.Seize, LedgerEventKind.Confiscate })
            await store.AddAsync(TestDatabase.Alice, "C-1", Event(kind, "100"));
        var share = await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Share, "60"));
        Assert.Equal(LedgerApproval.Pending, share.Approval);
        // Held back: a second disposal cannot take what the pending one would.
        await Assert.ThrowsAsync<CairnException>(() => store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Liquidate, "41")));
        Assert.Equal(System.Numerics.BigInteger.Zero, Assert.Single((await store.GetAsync(TestDatabase.Alice, "C-1")).Balances).Shared);

        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var own = new LedgerDecision(LedgerApproval.Approved, "alice", TestDatabase.Alice.Agency, "Prosecutor", at, null);
        await Assert.ThrowsAsync<ForbiddenException>(() => store.DecideAsync(TestDatabase.Alice, "C-1", share.Id, own));
        var second = new Cairn.Cases.Agencies.Actor("alex", TestDatabase.Alice.Agency);
        var approved = await store.DecideAsync(second, "C-1", share.Id, own with { By = "alex" });
        Assert.Equal((LedgerApproval.Approved, "alex"), (approved.Approval, approved.Decision!.By));
        await Assert.ThrowsAsync<CairnException>(() => store.DecideAsync(second, "C-1", share.Id, own));

        var liquidation = await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Liquidate, "40"));
        await store.DecideAsync(second, "C-1", liquidation.Id, new LedgerDecision(LedgerApproval.Rejected, "alex", TestDatabase.Alice.Agency, "Prosecutor", at, "no order yet"));
        var report = await store.GetAsync(TestDatabase.Alice, "C-1");
        var balance = Assert.Single(report.Balances);
        Assert.Equal((60, 0, 40), ((int)balance.Shared, (int)balance.Liquidated, (int)balance.Confiscated));
        Assert.Equal(("no order yet", LedgerApproval.Rejected), (report.Events[^1].Decision!.Reason, report.Events[^1].Approval));
        Assert.True((await new SqlCustodyLog(test.Database).VerifyAsync()).IsValid);
    }
}
