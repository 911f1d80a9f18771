using Cairn.Cases.Cases;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Traces;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Traces;

/// <summary>
/// Saved traces of cases (Traces/Migrations/060_case_traces.sql), visible with their case.
/// Custody entries: trace.save (hash of the result), trace.read, trace.list.
/// </summary>
public sealed partial class SqlTraceStore : ITraceStore
{
    private const string ListColumns = "t.id AS Id, t.case_id AS CaseId, t.chain AS Chain, t.title AS Title, t.request_json AS RequestJson, t.tip_height AS TipHeight, " +
        "t.tip_hash AS TipHash, t.result_sha256 AS ResultSha256, t.created_by AS CreatedBy, t.agency AS Agency, t.created_at AS CreatedAt";

    private readonly CairnDatabase _database;

    public SqlTraceStore(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task<CaseTrace> SaveAsync(Actor actor, string caseReference, string chain, string title, string requestJson, long tipHeight, string tipHash, string resultJson, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true, need: CaseAccess.Contribute).ConfigureAwait(false);
            var trace = new CaseTrace
            {
                Id = CairnIds.New(unit.Time), CaseId = owner.Id, Chain = chain, Title = Identifiers.Require(title, "trace title"),
                RequestJson = requestJson, TipHeight = tipHeight, TipHash = tipHash, ResultJson = resultJson,
                ResultSha256 = CustodyRecord.HashOf(resultJson), CreatedBy = unit.Actor.User, Agency = unit.Actor.Agency, CreatedAt = unit.Time.GetUtcNow(),
            };
            await unit.ExecuteAsync(
                "INSERT INTO case_traces (id, case_id, chain, title, request_json, tip_height, tip_hash, result_json, result_sha256, created_by, agency, created_at) " +
                "VALUES (@Id, @CaseId, @Chain, @Title, @RequestJson, @TipHeight, @TipHash, @ResultJson, @ResultSha256, @CreatedBy, @Agency, @At)",
                new { trace.Id, trace.CaseId, trace.Chain, trace.Title, trace.RequestJson, trace.TipHeight, trace.TipHash, trace.ResultJson, trace.ResultSha256, trace.CreatedBy, trace.Agency, At = CustodyEntry.FormatTime(trace.CreatedAt) }).ConfigureAwait(false);
            await SqlCaseStore.BumpVersionAsync(unit, owner).ConfigureAwait(false);
            await unit.RecordAsync("trace.save", "trace", trace.Id, trace.ResultSha256).ConfigureAwait(false);
            return trace;
        }, cancellationToken);

    /// <summary>The traces of a case, newest first, without their result JSON.</summary>
    public Task<IReadOnlyList<CaseTrace>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var rows = await unit.QueryAsync<Row>($"SELECT {ListColumns} FROM case_traces t WHERE t.case_id = @Id ORDER BY t.created_at DESC, t.id DESC", new { owner.Id }).ConfigureAwait(false);
            IReadOnlyList<CaseTrace> list = rows.Select(r => r.ToTrace(null)).ToList();
            await unit.RecordAsync("trace.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", list.Select(t => t.Id)))).ConfigureAwait(false);
            return list;
        }, cancellationToken);

    /// <summary>One page of the traces of a case, newest first, without their result JSON (paged by the database).</summary>
    public Task<Page<CaseTrace>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var total = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_traces WHERE case_id = @Id", new { owner.Id }).ConfigureAwait(false);
            var rows = await unit.QueryAsync<Row>($"SELECT {ListColumns} FROM case_traces t WHERE t.case_id = @Id ORDER BY t.created_at DESC, t.id DESC LIMIT @Limit OFFSET @Offset",
                new { owner.Id, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            IReadOnlyList<CaseTrace> list = rows.Select(r => r.ToTrace(null)).ToList();
            await unit.RecordAsync("trace.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", list.Select(t => t.Id)))).ConfigureAwait(false);
            return Page<CaseTrace>.Of(list, page, total);
        }, cancellationToken);
    }

    public Task<CaseTrace> GetAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var row = await unit.QuerySingleOrDefaultAsync<Row>($"SELECT {ListColumns}, t.result_json AS ResultJson FROM case_traces t WHERE t.case_id = @CaseId AND t.id = @traceId",
                new { CaseId = owner.Id, traceId }).ConfigureAwait(false) ?? throw new NotFoundException($"no trace '{traceId}' in case '{caseReference}'");
            await unit.RecordAsync("trace.read", "trace", traceId, row.ResultSha256).ConfigureAwait(false);
            return row.ToTrace(row.ResultJson);
        }, cancellationToken);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string CaseId { get; set; } = "";
        public string Chain { get; set; } = "";
        public string Title { get; set; } = "";
        public string RequestJson { get; set; } = "";
        public long TipHeight { get; set; }
        public string TipHash { get; set; } = "";
        public string? ResultJson { get; set; }
        public string ResultSha256 { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string Agency { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public CaseTrace ToTrace(string? result) => new()
        {
            Id = Id, CaseId = CaseId, Chain = Chain, Title = Title, RequestJson = RequestJson, TipHeight = TipHeight, TipHash = TipHash,
            ResultJson = result, ResultSha256 = ResultSha256, CreatedBy = CreatedBy, Agency = Agency, CreatedAt = CustodyEntry.ParseTime(CreatedAt),
        };
    }
}
