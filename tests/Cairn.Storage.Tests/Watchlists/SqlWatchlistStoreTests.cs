using Cairn.Cases.Cases;
using Cairn.Cases.Watchlists;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Watchlists;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Watchlists;

/// <summary>The watchlist and alert tables (migration 066) on SQLite and PostgreSQL: what ingest stores is read back exactly, once, by the owning agency only, and logged.</summary>
public class SqlWatchlistStoreTests
{
    private const string Address = "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1";
    private const string Exchange = "0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b";
    private const string TxId = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";

    // More than fits in a 64-bit integer or a double: amounts are kept as decimal strings of base units.
    private const string Wei = "123456789012345678901234567890";

    private static readonly PageRequest All = new(0, 100);

    private static Watch NewWatch(string chain, string kind, string value, string? threshold = null) => new()
    {
        Id = "", CaseId = "", CaseReference = "W-1", Chain = chain, Kind = kind, Value = value, Label = "suspect wallet", ThresholdBaseUnits = threshold,
        CreatedBy = "", Agency = "", CreatedAt = default,
    };

    private static WatchAlert Alert(Watch watch, string kind, string? to, DateTimeOffset seenAt) => new()
    {
        Id = "", CaseId = watch.CaseId, CaseReference = watch.CaseReference, WatchId = watch.Id, Chain = watch.Chain, Kind = kind, TxId = TxId, BlockHeight = 19_000_123,
        BlockTime = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), From = Address, To = to, Amount = Wei, Asset = "ETH",
        Actor = to is null ? null : "dave-exchange", ActorLabel = to is null ? null : "Dave Exchange", Jurisdictions = to is null ? [] : ["DE", "MT"],
        Detail = $"{kind} in test", SeenAt = seenAt, RaisedAt = seenAt,
    };

    [DatabaseTheory]
    public async Task Watches_AreListedByTheOwningAgency_LoadedPerChain_AndRemovedWithTheAddressesTheyFollowed(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("W-1", "Ether laundering", "fraud"));
        var store = new SqlWatchlistStore(test.Database);

        var eth = await store.AddAsync(TestDatabase.Alice, "W-1", NewWatch("eth", Watch.Address, Address, Wei));
        test.Time.Advance(TimeSpan.FromSeconds(1));
        var btc = await store.AddAsync(TestDatabase.Alice, "W-1", NewWatch("btc", Watch.Actor, "demo-exchange"));
        await store.RecordAsync(new("ingest", "nca-uk"), [], [eth with { Id = "", Kind = Watch.Followed, Value = Exchange, Label = null, Origin = eth.Id, Hops = 1, CreatedBy = "ingest" }]);

        var listed = await store.ListAsync(TestDatabase.Alice, "W-1", All);
        Assert.Equal(3, listed.Total);
        var first = listed.Items[0];
        Assert.Equal((eth.Id, "W-1", "eth", Watch.Address, Address, "suspect wallet", Wei, "alice", "nca-uk", eth.CreatedAt),
            (first.Id, first.CaseReference, first.Chain, first.Kind, first.Value, first.Label, first.ThresholdBaseUnits, first.CreatedBy, first.Agency, first.CreatedAt));
        var followed = Assert.Single(listed.Items, w => w.Kind == Watch.Followed);
        Assert.Equal((eth.Id, 1, Exchange), (followed.Origin, followed.Hops, followed.Value));
        Assert.Equal([eth.Id, followed.Id], (await store.LoadAllAsync("eth")).Select(w => w.Id));
        Assert.Equal([btc.Id], (await store.LoadAllAsync("btc")).Select(w => w.Id));
        Assert.Empty(await store.LoadAllAsync("polygon"));

        await Assert.ThrowsAsync<NotFoundException>(() => store.ListAsync(TestDatabase.Bruno, "W-1", All));
        await Assert.ThrowsAsync<NotFoundException>(() => store.AddAsync(TestDatabase.Bruno, "W-1", NewWatch("eth", Watch.Address, Exchange)));
        await Assert.ThrowsAsync<NotFoundException>(() => store.RemoveAsync(TestDatabase.Bruno, "W-1", eth.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => store.RemoveAsync(TestDatabase.Alice, "W-1", "no-such-watch"));

        await store.RemoveAsync(TestDatabase.Alice, "W-1", eth.Id);
        Assert.Equal([btc.Id], (await store.ListAsync(TestDatabase.Alice, "W-1", All)).Items.Select(w => w.Id));
        Assert.Empty(await store.LoadAllAsync("eth"));

        var theCase = await new SqlCaseStore(test.Database).GetAsync(TestDatabase.Alice, "W-1");
        var actions = (await new SqlCustodyLog(test.Database).GetEntriesForAsync("case", theCase.Id)).Select(e => e.Action).ToList();
        Assert.Equal(2, actions.Count(a => a == "watch.add"));
        Assert.Contains("watch.follow", actions);
        Assert.Contains("watch.list", actions);
        Assert.Contains("watch.remove", actions);
        Assert.True((await new SqlCustodyLog(test.Database).VerifyAsync()).IsValid);
    }

    [DatabaseTheory]
    public async Task RecordedAlerts_ReadBackExactly_OnceEach_NewestFirst_AndTheirStateChangesAreLogged(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var cases = new SqlCaseStore(test.Database);
        await cases.CreateAsync(TestDatabase.Alice, new NewCase("W-1", "Ether laundering", "fraud"));
        await cases.CreateAsync(TestDatabase.Bruno, new NewCase("B-1", "Another agency's case", "fraud"));
        var store = new SqlWatchlistStore(test.Database);
        var watch = await store.AddAsync(TestDatabase.Alice, "W-1", NewWatch("eth", Watch.Address, Address));
        var ingest = new Cairn.Cases.Agencies.Actor("ingest", "nca-uk");
        var seen = test.Time.GetUtcNow();

        var left = Assert.Single(await store.RecordAsync(ingest, [Alert(watch, WatchAlert.FundsLeft, null, seen)], []));
        test.Time.Advance(TimeSpan.FromMilliseconds(250));
        var reached = Assert.Single(await store.RecordAsync(ingest, [Alert(watch, WatchAlert.ReachedService, Exchange, seen)], []));
        // The same transaction ingested again: one alert per watch, transaction, kind and recipient.
        Assert.Empty(await store.RecordAsync(ingest, [Alert(watch, WatchAlert.FundsLeft, null, seen), Alert(watch, WatchAlert.ReachedService, Exchange, seen)], []));

        var alerts = await store.AlertsAsync(TestDatabase.Alice, "W-1", All);
        Assert.Equal(2, alerts.Total);
        Assert.Equal([reached.Id, left.Id], alerts.Items.Select(a => a.Id));
        var read = alerts.Items[0];
        Assert.Equal((WatchAlert.ReachedService, TxId, 19_000_123L, Address, Exchange, Wei, "ETH", "dave-exchange", "Dave Exchange", "open"),
            (read.Kind, read.TxId, read.BlockHeight, read.From, read.To, read.Amount, read.Asset, read.Actor, read.ActorLabel, read.State));
        Assert.Equal(["DE", "MT"], read.Jurisdictions);
        Assert.Equal((new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), seen), (read.BlockTime, read.SeenAt));
        // The test clock ticks on every read, so raised is at least the 250 ms advanced after the ingest saw the block.
        Assert.Equal((long)(read.RaisedAt - seen).TotalMilliseconds, read.LatencyMs);
        Assert.InRange(read.LatencyMs, 250, 1_000);
        Assert.Null(alerts.Items[1].To);
        Assert.Empty(alerts.Items[1].Jurisdictions);
        Assert.Equal(("W-1", 2), Assert.Single(await store.OpenCountsAsync(TestDatabase.Alice)));
        Assert.Empty(await store.OpenCountsAsync(TestDatabase.Bruno));
        await Assert.ThrowsAsync<NotFoundException>(() => store.AlertsAsync(TestDatabase.Bruno, "W-1", All));
        await Assert.ThrowsAsync<NotFoundException>(() => store.AlertAsync(TestDatabase.Bruno, "W-1", reached.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => store.AlertAsync(TestDatabase.Bruno, "B-1", reached.Id));

        await store.UpdateAlertAsync(TestDatabase.Alice, "W-1", reached.Id, "drafted", ["request-1"]);
        var drafted = await store.UpdateAlertAsync(TestDatabase.Alice, "W-1", reached.Id, "drafted", ["request-1", "request-2"]);
        Assert.Equal(["request-1", "request-2"], drafted.Requests);
        var again = await store.AlertAsync(TestDatabase.Alice, "W-1", reached.Id);
        Assert.Equal("drafted", again.State);
        Assert.Equal(["request-1", "request-2"], again.Requests);
        Assert.Equal("acknowledged", (await store.UpdateAlertAsync(TestDatabase.Alice, "W-1", left.Id, "acknowledged", [])).State);
        Assert.Empty(await store.OpenCountsAsync(TestDatabase.Alice));

        var log = new SqlCustodyLog(test.Database);
        Assert.Equal(["alert.raise", "alert.update", "alert.update", "alert.read"], (await log.GetEntriesForAsync("alert", reached.Id)).Select(e => e.Action));
        Assert.Equal("ingest", (await log.GetEntriesForAsync("alert", reached.Id))[0].User);
        Assert.True((await log.VerifyAsync()).IsValid);
    }
}

