using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Statistics;

namespace Cairn.Storage.Statistics;

/// <summary>Reads requests and approved ledger events for statistics, of one agency or all, and logs the read (stats.read, object "agency" or "installation").</summary>
public sealed class SqlStatisticsSource : IStatisticsSource
{
    private readonly CairnDatabase _database;

    public SqlStatisticsSource(CairnDatabase database)
    {
        _database = database;
    }

    public Task<StatisticsData> LoadAsync(Actor actor, string? agency, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var requests = (await unit.QueryAsync<RequestRow>(
                "SELECT id AS Id, owning_agency AS Agency, case_reference AS CaseReference, requested_state AS RequestedState, request_type AS RequestType, status AS Status, body AS Body, created_at AS CreatedAt " +
                "FROM legal_requests" + (agency is null ? "" : " WHERE owning_agency = @agency") + " ORDER BY id", new { agency }).ConfigureAwait(false))
                .Select(r => new StatisticsData.Request(r.Id, r.Agency, string.IsNullOrWhiteSpace(r.CaseReference) ? "request:" + r.Id : r.CaseReference, r.RequestedState, r.RequestType, r.Status, r.Body,
                    CustodyEntry.ParseTime(r.CreatedAt))).ToList();
            var movements = (await unit.QueryAsync<MovementRow>(
                "SELECT e.case_id AS CaseId, c.owning_agency AS Agency, e.jurisdiction AS State, e.kind AS Kind, e.chain AS Chain, e.token AS Token, e.amount AS Amount, e.decimals AS Decimals, " +
                "e.occurred_at AS OccurredAt, e.recorded_at AS RecordedAt FROM ledger_events e JOIN cases c ON c.id = e.case_id " +
                "WHERE e.approval = 'approved'" + (agency is null ? "" : " AND c.owning_agency = @agency") + " ORDER BY e.case_id, e.seq", new { agency }).ConfigureAwait(false))
                .Select(m => new StatisticsData.LedgerMovement(m.CaseId, m.Agency, m.State, m.Kind, m.Chain, m.Token, BigInteger.Parse(m.Amount, CultureInfo.InvariantCulture),
                    m.Decimals is { } d ? (int)d : null, CustodyEntry.ParseTime(string.IsNullOrEmpty(m.OccurredAt) ? m.RecordedAt : m.OccurredAt))).ToList();
            await unit.RecordAsync("stats.read", agency is null ? "installation" : "agency", agency ?? "*",
                CustodyRecord.HashOf($"{requests.Count} requests, {movements.Count} ledger events")).ConfigureAwait(false);
            return new StatisticsData(requests, movements);
        }, cancellationToken);

    private sealed class RequestRow
    {
        public string Id { get; set; } = "";

        public string Agency { get; set; } = "";

        public string? CaseReference { get; set; }

        public string RequestedState { get; set; } = "";

        public string RequestType { get; set; } = "";

        public string Status { get; set; } = "";

        public string Body { get; set; } = "";

        public string CreatedAt { get; set; } = "";
    }

    private sealed class MovementRow
    {
        public string CaseId { get; set; } = "";

        public string Agency { get; set; } = "";

        public string State { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Chain { get; set; } = "";

        public string Token { get; set; } = "";

        public string Amount { get; set; } = "";

        public long? Decimals { get; set; }

        public string OccurredAt { get; set; } = "";

        public string RecordedAt { get; set; } = "";
    }
}
