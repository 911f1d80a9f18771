using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Ledger;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Ledger;

/// <summary>
/// Issue 17: recording or deciding a ledger event replayed the case's whole ledger; the store now keeps the running balances
/// beside the events. These tests hold it to the decisions the replay made.
/// </summary>
public class SqlLedgerRunningBalancesTests
{
    private static readonly Actor Second = new("alex", TestDatabase.Alice.Agency);
    private static readonly AssetKey[] Assets = [new("btc", "BTC", "exchange-a"), new("btc", "BTC", "custody"), new("eth", "XT", "exchange-a")];

    private static NewLedgerEvent Event(LedgerEventKind kind, AssetKey asset, BigInteger amount, int? decimals = null) =>
        new(kind, asset, amount, "EU Regulation 2018/1805 Art. 7", "Parquet de Paris", "FR", "custody", "GB", []) { Decimals = decimals };

    private static LedgerDecision Decision(LedgerApproval outcome) =>
        new(outcome, Second.User, Second.Agency, "Prosecutor", new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), outcome == LedgerApproval.Rejected ? "no agreement" : null);

    /// <summary>The decision the store made before the running balances: a replay of the case's events (the old code, kept here as the reference).</summary>
    private sealed class ReplayReference
    {
        private readonly List<(NewLedgerEvent Details, LedgerApproval Approval)> _events = [];

        public string? Add(NewLedgerEvent e) => Try(() =>
        {
            AssetLedger.Replay(_events.Where(x => x.Approval != LedgerApproval.Rejected).Select(x => x.Details)).Apply(e);
            _events.Add((e, LedgerApprovals.NeedsApproval(e.Kind) ? LedgerApproval.Pending : LedgerApproval.Approved));
        });

        public string? Decide(int index, LedgerApproval outcome) => Try(() =>
        {
            if (outcome == LedgerApproval.Approved)
            {
                var ledger = new AssetLedger();
                foreach (var (x, i) in _events.Select((x, i) => (x, i)).Where(p => p.x.Approval == LedgerApproval.Approved || p.i == index)) ledger.Apply(x.Details);
            }
            _events[index] = (_events[index].Details, outcome);
        });

        public IReadOnlyList<int> Pending => [.. _events.Select((x, i) => (x, i)).Where(p => p.x.Approval == LedgerApproval.Pending).Select(p => p.i)];

        public IReadOnlyList<AssetBalance> Balances => AssetLedger.Replay(_events.Where(x => x.Approval == LedgerApproval.Approved).Select(x => x.Details)).Balances();

        private static string? Try(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (CairnException ex)
            {
                return ex.Message;
            }
        }
    }

    private static async Task<string?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (CairnException ex)
        {
            return ex.Message;
        }
    }

    [DatabaseTheory]
    public async Task EveryRecordingAndDecision_IsAcceptedOrRefusedAsAReplayOfTheWholeLedgerDecides(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Pig butchering", "fraud"));
        var store = new SqlLedgerStore(test.Database);
        var reference = new ReplayReference();
        var random = new Random(17);
        // Weighted so that the ledger grows: freezes, seizures and confiscations feed the transfers and disposals that take from them.
        LedgerEventKind[] kinds = [.. Enum.GetValues<LedgerEventKind>(), LedgerEventKind.Freeze, LedgerEventKind.Freeze, LedgerEventKind.Freeze, LedgerEventKind.Seize, LedgerEventKind.Seize, LedgerEventKind.Confiscate, LedgerEventKind.Confiscate];
        var ids = new List<string>();
        int refused = 0, decided = 0;

        for (var step = 0; step < 400; step++)
        {
            var pending = reference.Pending;
            if (pending.Count > 0 && random.Next(3) == 0)
            {
                var index = pending[random.Next(pending.Count)];
                var outcome = random.Next(2) == 0 ? LedgerApproval.Approved : LedgerApproval.Rejected;
                var expected = reference.Decide(index, outcome);
                Assert.Equal(expected, await TryAsync(() => store.DecideAsync(Second, "C-1", ids[index], Decision(outcome))));
                decided++;
                continue;
            }
            var kind = kinds[random.Next(kinds.Length)];
            var asset = Assets[random.Next(Assets.Length)];
            var e = Event(kind, asset, random.Next(1, 300), asset.Token == "XT" ? new int?[] { null, 6, 8 }[random.Next(3)] : null);
            var expectedAdd = reference.Add(e);
            var actual = await TryAsync(async () => ids.Add((await store.AddAsync(TestDatabase.Alice, "C-1", e)).Id));
            Assert.Equal(expectedAdd, actual);
            if (actual is not null) refused++;
        }

        Assert.Equal(reference.Balances, (await store.GetAsync(TestDatabase.Alice, "C-1")).Balances);
        // The sequence exercised both outcomes of both calls.
        Assert.True(refused > 20 && ids.Count > 100 && decided > 30, $"{refused} refused, {ids.Count} recorded, {decided} decisions");
    }

    [DatabaseTheory]
    public async Task RunningBalancesMissingOrBehind_AreRebuiltFromTheEvents_SoAnOverDisposalIsStillRefused(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Pig butchering", "fraud"));
        var store = new SqlLedgerStore(test.Database);
        var btc = Assets[0];
        foreach (var kind in new[] { LedgerEventKind.Freeze, LedgerEventKind.Seize, LedgerEventKind.Confiscate })
            await store.AddAsync(TestDatabase.Alice, "C-1", Event(kind, btc, 100));
        var pending = await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Share, btc, 60));

        // A ledger recorded before the running balances were kept has none: the first call rebuilds them from the events.
        await ExecuteAsync(test, "DELETE FROM ledger_running_balances");
        var error = await Assert.ThrowsAsync<CairnException>(() => store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Liquidate, btc, 41)));
        Assert.Contains("is confiscated and not yet disposed of", error.Message, StringComparison.Ordinal);
        // Balances that do not include the last event are not trusted either.
        await ExecuteAsync(test, "UPDATE ledger_running_balances SET last_seq = 2, held = '{\"Balances\":[],\"States\":[],\"Decimals\":[]}'");
        await Assert.ThrowsAsync<CairnException>(() => store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Liquidate, btc, 41)));

        await store.DecideAsync(Second, "C-1", pending.Id, Decision(LedgerApproval.Rejected));
        await store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.Liquidate, btc, 100));
        await Assert.ThrowsAsync<CairnException>(() => store.AddAsync(TestDatabase.Alice, "C-1", Event(LedgerEventKind.ReturnToState, btc, 1)));
        Assert.Equal(5, await ScalarAsync(test, "SELECT last_seq FROM ledger_running_balances"));
    }

    private static async Task ExecuteAsync(TestDatabase test, string sql) =>
        await test.Database.InTransactionAsync(TestDatabase.Alice, unit => unit.ExecuteAsync(sql));

    private static async Task<long> ScalarAsync(TestDatabase test, string sql) =>
        await test.Database.InTransactionAsync(TestDatabase.Alice, unit => unit.ExecuteScalarAsync<long>(sql));
}
