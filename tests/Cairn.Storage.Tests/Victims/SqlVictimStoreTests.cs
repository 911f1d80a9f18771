using System.Numerics;
using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Cases.Victims;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Ledger;
using Cairn.Storage.Statistics;
using Cairn.Storage.Victims;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Victims;

/// <summary>Victims, their losses and returns pointing to them (migration 013), and the statistics source, on SQLite and PostgreSQL.</summary>
public class SqlVictimStoreTests
{
    private static readonly AssetKey Btc = new("btc", "BTC", "exchange-a");

    private static NewLedgerEvent Event(LedgerEventKind kind, long amount, string? victimId = null) =>
        new(kind, Btc, new BigInteger(amount), "Regulation (EU) 2018/1805", "Court", "GB", null, null, []) { VictimId = victimId };

    [DatabaseTheory]
    public async Task ReturnToAVictim_CountsAgainstTheLossOnceApproved_AndStatisticsSeeOnlyApprovedEventsOfTheAgency(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Romance scam", "fraud"));
        var victims = new SqlVictimStore(test.Database);
        var anna = await victims.AddAsync(TestDatabase.Alice, "C-1", "Anna K.", "");
        await victims.AddLossAsync(TestDatabase.Alice, "C-1", anna.Id, new VictimLoss("", "", "btc", "BTC", new BigInteger(800), null, [new string('c', 64)], "paid", default, ""));
        var ledger = new SqlLedgerStore(test.Database);
        foreach (var kind in new[] { LedgerEventKind.Freeze, LedgerEventKind.Seize, LedgerEventKind.Confiscate })
            await ledger.AddAsync(TestDatabase.Alice, "C-1", Event(kind, 1000));
        var over = await Assert.ThrowsAsync<CairnException>(() => ledger.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.ReturnToVictim, 900, anna.Id)));
        Assert.Equal("amount", over.Field);
        var back = await ledger.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.ReturnToVictim, 500, anna.Id));
        Assert.Equal("Anna K.", back.Details.Recipient);

        var pending = Assert.Single(Assert.Single(await victims.ListAsync(TestDatabase.Alice, "C-1")).Lines);
        Assert.Equal((800, 0, 500, 800), ((int)pending.Lost, (int)pending.Received, (int)pending.PendingReturn, (int)pending.Outstanding));
        await ledger.DecideAsync(new Cairn.Cases.Agencies.Actor("alex", TestDatabase.Alice.Agency), "C-1", back.Id,
            new LedgerDecision(LedgerApproval.Approved, "alex", TestDatabase.Alice.Agency, "Prosecutor", test.Time.GetUtcNow(), null));
        var approved = Assert.Single(Assert.Single(await victims.ListAsync(TestDatabase.Alice, "C-1")).Lines);
        Assert.Equal((500, 0, 300), ((int)approved.Received, (int)approved.PendingReturn, (int)approved.Outstanding));
        await Assert.ThrowsAsync<NotFoundException>(() => victims.ListAsync(TestDatabase.Bruno, "C-1"));

        var source = new SqlStatisticsSource(test.Database);
        var own = await source.LoadAsync(TestDatabase.Alice, TestDatabase.Alice.Agency);
        Assert.Equal(4, own.Movements.Count);
        Assert.Empty((await source.LoadAsync(TestDatabase.Bruno, TestDatabase.Bruno.Agency)).Movements);
        Assert.Equal(4, (await source.LoadAsync(TestDatabase.Alice, null)).Movements.Count);
    }
}
