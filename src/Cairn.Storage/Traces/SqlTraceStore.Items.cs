using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Traces;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;
using Cairn.Storage.Intel;

namespace Cairn.Storage.Traces;

/// <summary>
/// A saved trace's parts as rows (Traces/Migrations/061_trace_items.sql), paged in SQL, and the notes on
/// its graph nodes. Custody entries: trace.items (hash of the parts), trace.read (hash of the page read),
/// trace.annotate (hash of the note).
/// </summary>
public sealed partial class SqlTraceStore
{
    public Task<CaseTrace> GetRecordAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var row = await LoadRowAsync(unit, caseReference, traceId).ConfigureAwait(false);
            await unit.RecordAsync("trace.read", "trace", traceId, row.ResultSha256).ConfigureAwait(false);
            return row.ToTrace(null);
        }, cancellationToken);

    public Task AddItemsAsync(Actor actor, string caseReference, string traceId, IReadOnlyList<TraceItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await LoadRowAsync(unit, caseReference, traceId).ConfigureAwait(false);
            var existing = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_trace_items WHERE trace_id = @traceId", new { traceId }).ConfigureAwait(false);
            if (existing > 0) return;
            await BatchInsert.RunAsync(unit, "case_trace_items", ["trace_id", "kind", "ordinal", "entity_id", "body"],
                items.Select(i => new object?[] { traceId, i.Kind, i.Ordinal, i.EntityId is null ? new TypedNull(System.Data.DbType.String) : i.EntityId, i.Body })).ConfigureAwait(false);
            await unit.RecordAsync("trace.items", "trace", traceId, CustodyRecord.HashOf(string.Join("\n", items.Select(i => i.Body)))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> HasItemsAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            await LoadRowAsync(unit, caseReference, traceId).ConfigureAwait(false);
            return await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_trace_items WHERE trace_id = @traceId AND kind = 'summary'", new { traceId }).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public Task<Page<TraceItem>> ItemsAsync(Actor actor, string caseReference, string traceId, string kind, string? entityId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await LoadRowAsync(unit, caseReference, traceId).ConfigureAwait(false);
            var filter = "trace_id = @traceId AND kind = @kind" + (entityId is null ? "" : " AND entity_id = @entityId");
            var parameters = new { traceId, kind, entityId, Limit = (long)page.Limit, page.Offset };
            var total = await unit.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM case_trace_items WHERE {filter}", parameters).ConfigureAwait(false);
            var rows = (await unit.QueryAsync<ItemRow>($"SELECT kind AS Kind, ordinal AS Ordinal, entity_id AS EntityId, body AS Body FROM case_trace_items WHERE {filter} " +
                "ORDER BY ordinal LIMIT @Limit OFFSET @Offset", parameters).ConfigureAwait(false)).Select(r => new TraceItem(r.Kind, r.Ordinal, r.EntityId, r.Body)).ToList();
            await unit.RecordAsync("trace.read", "trace", traceId, CustodyRecord.HashOf(string.Join("\n", rows.Select(r => r.Body)))).ConfigureAwait(false);
            return Page<TraceItem>.Of(rows, page, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TraceAnnotation>> AnnotationsAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync<IReadOnlyList<TraceAnnotation>>(actor, async unit =>
        {
            await LoadRowAsync(unit, caseReference, traceId).ConfigureAwait(false);
            var rows = await unit.QueryAsync<AnnotationRow>("SELECT trace_id AS TraceId, node_id AS NodeId, text AS Text, author AS Author, agency AS Agency, written_at AS WrittenAt " +
                "FROM case_trace_annotations WHERE trace_id = @traceId ORDER BY node_id", new { traceId }).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToAnnotation())];
        }, cancellationToken);

    public Task<TraceAnnotation?> AnnotateAsync(Actor actor, string caseReference, string traceId, string nodeId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(text);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var row = await LoadRowAsync(unit, caseReference, traceId, forUpdate: true).ConfigureAwait(false);
            await unit.ExecuteAsync("DELETE FROM case_trace_annotations WHERE trace_id = @traceId AND node_id = @nodeId", new { traceId, nodeId }).ConfigureAwait(false);
            TraceAnnotation? note = null;
            if (text.Length > 0)
            {
                note = new TraceAnnotation(traceId, nodeId, text, unit.Actor.User, unit.Actor.Agency, unit.Time.GetUtcNow());
                await unit.ExecuteAsync("INSERT INTO case_trace_annotations (trace_id, node_id, text, author, agency, written_at) VALUES (@traceId, @nodeId, @text, @Author, @Agency, @At)",
                    new { traceId, nodeId, text, note.Author, note.Agency, At = CustodyEntry.FormatTime(note.WrittenAt) }).ConfigureAwait(false);
            }
            await unit.RecordAsync("trace.annotate", "trace", row.Id, CustodyRecord.HashOf(nodeId + "\n" + text)).ConfigureAwait(false);
            return note;
        }, cancellationToken);
    }

    private static async Task<Row> LoadRowAsync(UnitOfWork unit, string caseReference, string traceId, bool forUpdate = false)
    {
        var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate).ConfigureAwait(false);
        return await unit.QuerySingleOrDefaultAsync<Row>($"SELECT {ListColumns} FROM case_traces t WHERE t.case_id = @CaseId AND t.id = @traceId",
            new { CaseId = owner.Id, traceId }).ConfigureAwait(false) ?? throw new NotFoundException($"no trace '{traceId}' in case '{caseReference}'");
    }

    private sealed class ItemRow
    {
        public string Kind { get; set; } = "";
        public long Ordinal { get; set; }
        public string? EntityId { get; set; }
        public string Body { get; set; } = "";
    }

    private sealed class AnnotationRow
    {
        public string TraceId { get; set; } = "";
        public string NodeId { get; set; } = "";
        public string Text { get; set; } = "";
        public string Author { get; set; } = "";
        public string Agency { get; set; } = "";
        public string WrittenAt { get; set; } = "";

        public TraceAnnotation ToAnnotation() => new(TraceId, NodeId, Text, Author, Agency, CustodyEntry.ParseTime(WrittenAt));
    }
}
