using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Watchlists;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Watchlists;

/// <summary>Watches and alerts of cases (Watchlists/Migrations/066_watchlists.sql), visible with their case; custody entries as <see cref="IWatchlistStore"/> says.</summary>
public sealed class SqlWatchlistStore(CairnDatabase database) : IWatchlistStore
{
    private const string WatchColumns = "w.id AS Id, w.case_id AS CaseId, c.reference AS CaseReference, w.chain AS Chain, w.kind AS Kind, w.value AS Value, w.label AS Label, " +
        "w.threshold AS Threshold, w.origin AS Origin, w.hops AS Hops, w.created_by AS CreatedBy, w.agency AS Agency, w.created_at AS CreatedAt";

    private const string AlertColumns = "a.id AS Id, a.case_id AS CaseId, c.reference AS CaseReference, a.watch_id AS WatchId, a.chain AS Chain, a.kind AS Kind, a.tx_id AS TxId, " +
        "a.block_height AS BlockHeight, a.block_time AS BlockTime, a.from_address AS FromAddress, a.to_address AS ToAddress, a.amount AS Amount, a.asset AS Asset, a.actor AS Actor, " +
        "a.actor_label AS ActorLabel, a.jurisdictions AS Jurisdictions, a.detail AS Detail, a.seen_at AS SeenAt, a.raised_at AS RaisedAt, a.state AS State, a.requests AS Requests";

    public Task<Watch> AddAsync(Actor actor, string caseReference, Watch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true).ConfigureAwait(false);
            var stored = watch with { Id = CairnIds.New(unit.Time), CaseId = owner.Id, CaseReference = owner.Reference, CreatedBy = unit.Actor.User, Agency = unit.Actor.Agency, CreatedAt = unit.Time.GetUtcNow() };
            await InsertWatchAsync(unit, stored).ConfigureAwait(false);
            await unit.RecordAsync("watch.add", "case", owner.Id, CustodyRecord.HashOf($"{stored.Chain}\n{stored.Kind}\n{stored.Value}\n{stored.ThresholdBaseUnits}")).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    public Task<Page<Watch>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var total = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_watches WHERE case_id = @Id", new { owner.Id }).ConfigureAwait(false);
            var rows = await unit.QueryAsync<WatchRow>($"SELECT {WatchColumns} FROM case_watches w JOIN cases c ON c.id = w.case_id WHERE w.case_id = @Id " +
                "ORDER BY w.hops, w.created_at, w.id LIMIT @Limit OFFSET @Offset", new { owner.Id, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            var list = rows.Select(r => r.ToWatch()).ToList();
            await unit.RecordAsync("watch.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", list.Select(w => w.Id)))).ConfigureAwait(false);
            return Page<Watch>.Of(list, page, total);
        }, cancellationToken);
    }

    public Task RemoveAsync(Actor actor, string caseReference, string watchId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true).ConfigureAwait(false);
            var removed = await unit.ExecuteAsync("DELETE FROM case_watches WHERE case_id = @CaseId AND (id = @watchId OR origin = @watchId)", new { CaseId = owner.Id, watchId }).ConfigureAwait(false);
            if (removed == 0) throw new NotFoundException($"case '{caseReference}' has no watch '{watchId}'");
            await unit.RecordAsync("watch.remove", "case", owner.Id, CustodyRecord.HashOf(watchId)).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<Watch>> LoadAllAsync(string chain, CancellationToken cancellationToken = default) =>
        database.QueryAsync<IReadOnlyList<Watch>>(async connection =>
            [.. (await Dapper.SqlMapper.QueryAsync<WatchRow>(connection, new Dapper.CommandDefinition(
                $"SELECT {WatchColumns} FROM case_watches w JOIN cases c ON c.id = w.case_id WHERE w.chain = @chain ORDER BY w.hops, w.created_at, w.id",
                new { chain }, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToWatch())], cancellationToken);

    public Task<IReadOnlyList<WatchAlert>> RecordAsync(Actor installation, IReadOnlyList<WatchAlert> alerts, IReadOnlyList<Watch> followed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(followed);
        return database.InTransactionAsync<IReadOnlyList<WatchAlert>>(installation, async unit =>
        {
            foreach (var watch in followed)
            {
                var stored = watch with { Id = CairnIds.New(unit.Time), CreatedAt = unit.Time.GetUtcNow() };
                await InsertWatchAsync(unit, stored).ConfigureAwait(false);
                await unit.RecordAsync("watch.follow", "case", stored.CaseId, CustodyRecord.HashOf($"{stored.Chain}\n{stored.Value}\n{stored.Origin}")).ConfigureAwait(false);
            }
            var raised = new List<WatchAlert>();
            foreach (var alert in alerts)
            {
                var exists = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_alerts WHERE watch_id = @WatchId AND tx_id = @TxId AND kind = @Kind AND to_address = @To",
                    new { alert.WatchId, alert.TxId, alert.Kind, To = alert.To ?? "" }).ConfigureAwait(false);
                if (exists > 0) continue;
                var stored = alert with { Id = CairnIds.New(unit.Time), RaisedAt = unit.Time.GetUtcNow() };
                await unit.ExecuteAsync(
                    "INSERT INTO case_alerts (id, case_id, watch_id, chain, kind, tx_id, block_height, block_time, from_address, to_address, amount, asset, actor, actor_label, jurisdictions, detail, seen_at, raised_at, state, requests) " +
                    "VALUES (@Id, @CaseId, @WatchId, @Chain, @Kind, @TxId, @BlockHeight, @BlockTime, @From, @To, @Amount, @Asset, @Actor, @ActorLabel, @Jurisdictions, @Detail, @SeenAt, @RaisedAt, @State, '')",
                    new { stored.Id, stored.CaseId, stored.WatchId, stored.Chain, stored.Kind, stored.TxId, stored.BlockHeight, BlockTime = stored.BlockTime is { } t ? CustodyEntry.FormatTime(t) : null,
                        stored.From, To = stored.To ?? "", stored.Amount, stored.Asset, stored.Actor, stored.ActorLabel, Jurisdictions = string.Join(",", stored.Jurisdictions), stored.Detail,
                        SeenAt = CustodyEntry.FormatTime(stored.SeenAt), RaisedAt = CustodyEntry.FormatTime(stored.RaisedAt), stored.State }).ConfigureAwait(false);
                await unit.RecordAsync("alert.raise", "alert", stored.Id, CustodyRecord.HashOf($"{stored.CaseId}\n{stored.Kind}\n{stored.TxId}\n{stored.To}\n{stored.Amount}")).ConfigureAwait(false);
                raised.Add(stored);
            }
            return raised;
        }, cancellationToken);
    }

    public Task<Page<WatchAlert>> AlertsAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var total = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_alerts WHERE case_id = @Id", new { owner.Id }).ConfigureAwait(false);
            var rows = await unit.QueryAsync<AlertRow>($"SELECT {AlertColumns} FROM case_alerts a JOIN cases c ON c.id = a.case_id WHERE a.case_id = @Id " +
                "ORDER BY a.raised_at DESC, a.id DESC LIMIT @Limit OFFSET @Offset", new { owner.Id, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            var list = rows.Select(r => r.ToAlert()).ToList();
            await unit.RecordAsync("alert.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", list.Select(a => a.Id)))).ConfigureAwait(false);
            return Page<WatchAlert>.Of(list, page, total);
        }, cancellationToken);
    }

    public Task<WatchAlert> AlertAsync(Actor actor, string caseReference, string alertId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(actor, async unit =>
        {
            var alert = await LoadAlertAsync(unit, caseReference, alertId).ConfigureAwait(false);
            await unit.RecordAsync("alert.read", "alert", alert.Id).ConfigureAwait(false);
            return alert;
        }, cancellationToken);

    public Task<WatchAlert> UpdateAlertAsync(Actor actor, string caseReference, string alertId, string state, IReadOnlyList<string> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return database.InTransactionAsync(actor, async unit =>
        {
            var alert = await LoadAlertAsync(unit, caseReference, alertId, forUpdate: true).ConfigureAwait(false);
            var all = alert.Requests.Concat(requests).Distinct().ToList();
            await unit.ExecuteAsync("UPDATE case_alerts SET state = @state, requests = @Requests WHERE id = @Id", new { state, Requests = string.Join(",", all), alert.Id }).ConfigureAwait(false);
            await unit.RecordAsync("alert.update", "alert", alert.Id, CustodyRecord.HashOf(state + "\n" + string.Join(",", all))).ConfigureAwait(false);
            return alert with { State = state, Requests = all };
        }, cancellationToken);
    }

    public Task<IReadOnlyList<(string CaseReference, int Open)>> OpenCountsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync<IReadOnlyList<(string, int)>>(actor, async unit =>
        {
            var rows = await unit.QueryAsync<(string Reference, long Open)>(
                "SELECT c.reference, COUNT(*) FROM case_alerts a JOIN cases c ON c.id = a.case_id WHERE a.state = 'open' AND (c.owning_agency = @Agency OR EXISTS " +
                "(SELECT 1 FROM case_grants g WHERE g.case_id = c.id AND g.agency = @Agency)) GROUP BY c.reference ORDER BY c.reference", new { unit.Actor.Agency }).ConfigureAwait(false);
            return [.. rows.Select(r => (r.Reference, (int)r.Open))];
        }, cancellationToken);

    private static async Task<WatchAlert> LoadAlertAsync(UnitOfWork unit, string caseReference, string alertId, bool forUpdate = false)
    {
        var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate).ConfigureAwait(false);
        var row = await unit.QuerySingleOrDefaultAsync<AlertRow>($"SELECT {AlertColumns} FROM case_alerts a JOIN cases c ON c.id = a.case_id WHERE a.case_id = @CaseId AND a.id = @alertId",
            new { CaseId = owner.Id, alertId }).ConfigureAwait(false) ?? throw new NotFoundException($"case '{caseReference}' has no alert '{alertId}'");
        return row.ToAlert();
    }

    private static Task InsertWatchAsync(UnitOfWork unit, Watch w) => unit.ExecuteAsync(
        "INSERT INTO case_watches (id, case_id, chain, kind, value, label, threshold, origin, hops, created_by, agency, created_at) " +
        "VALUES (@Id, @CaseId, @Chain, @Kind, @Value, @Label, @ThresholdBaseUnits, @Origin, @Hops, @CreatedBy, @Agency, @At)",
        new { w.Id, w.CaseId, w.Chain, w.Kind, w.Value, w.Label, w.ThresholdBaseUnits, w.Origin, Hops = (long)w.Hops, w.CreatedBy, w.Agency, At = CustodyEntry.FormatTime(w.CreatedAt) });

    private sealed class WatchRow
    {
        public string Id { get; set; } = "";
        public string CaseId { get; set; } = "";
        public string CaseReference { get; set; } = "";
        public string Chain { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Value { get; set; } = "";
        public string? Label { get; set; }
        public string? Threshold { get; set; }
        public string? Origin { get; set; }
        public long Hops { get; set; }
        public string CreatedBy { get; set; } = "";
        public string Agency { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public Watch ToWatch() => new()
        {
            Id = Id, CaseId = CaseId, CaseReference = CaseReference, Chain = Chain, Kind = Kind, Value = Value, Label = Label, ThresholdBaseUnits = Threshold, Origin = Origin,
            Hops = (int)Hops, CreatedBy = CreatedBy, Agency = Agency, CreatedAt = CustodyEntry.ParseTime(CreatedAt),
        };
    }

    private sealed class AlertRow
    {
        public string Id { get; set; } = "";
        public string CaseId { get; set; } = "";
        public string CaseReference { get; set; } = "";
        public string WatchId { get; set; } = "";
        public string Chain { get; set; } = "";
        public string Kind { get; set; } = "";
        public string TxId { get; set; } = "";
        public long BlockHeight { get; set; }
        public string? BlockTime { get; set; }
        public string FromAddress { get; set; } = "";
        public string ToAddress { get; set; } = "";
        public string Amount { get; set; } = "";
        public string Asset { get; set; } = "";
        public string? Actor { get; set; }
        public string? ActorLabel { get; set; }
        public string Jurisdictions { get; set; } = "";
        public string Detail { get; set; } = "";
        public string SeenAt { get; set; } = "";
        public string RaisedAt { get; set; } = "";
        public string State { get; set; } = "";
        public string Requests { get; set; } = "";

        public WatchAlert ToAlert() => new()
        {
            Id = Id, CaseId = CaseId, CaseReference = CaseReference, WatchId = WatchId, Chain = Chain, Kind = Kind, TxId = TxId, BlockHeight = BlockHeight,
            BlockTime = BlockTime is null ? null : CustodyEntry.ParseTime(BlockTime), From = FromAddress, To = ToAddress.Length == 0 ? null : ToAddress, Amount = Amount, Asset = Asset,
            Actor = Actor, ActorLabel = ActorLabel, Jurisdictions = Jurisdictions.Length == 0 ? [] : Jurisdictions.Split(','), Detail = Detail,
            SeenAt = CustodyEntry.ParseTime(SeenAt), RaisedAt = CustodyEntry.ParseTime(RaisedAt), State = State, Requests = Requests.Length == 0 ? [] : Requests.Split(','),
        };
    }
}
