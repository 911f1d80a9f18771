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
    public Task<TracePartsRead> ReadPartsAsync(Actor actor, string caseReference, string traceId, IReadOnlyList<TracePartQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var row = await LoadRowAsync(unit, caseReference, traceId).ConfigureAwait(false);
            var hasParts = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_trace_items WHERE trace_id = @traceId AND kind = 'summary'", new { traceId }).ConfigureAwait(false) > 0;
            var pages = new List<Page<TraceItem>>(queries.Count);
            foreach (var query in queries) pages.Add(hasParts ? await PageAsync(unit, traceId, query).ConfigureAwait(false) : Page<TraceItem>.Of([], query.Page, 0));
            var annotations = (await unit.QueryAsync<AnnotationRow>("SELECT trace_id AS TraceId, node_id AS NodeId, text AS Text, author AS Author, agency AS Agency, written_at AS WrittenAt " +
                "FROM case_trace_annotations WHERE trace_id = @traceId ORDER BY node_id", new { traceId }).ConfigureAwait(false)).Select(r => r.ToAnnotation()).ToList();
            var read = string.Join("\n", pages.SelectMany(p => p.Items).Select(i => i.Body).Concat(annotations.Select(a => a.NodeId + "\n" + a.Text)));
            await unit.RecordAsync("trace.read", "trace", traceId, read.Length == 0 ? row.ResultSha256 : CustodyRecord.HashOf(read)).ConfigureAwait(false);
            return new TracePartsRead(row.ToTrace(null), hasParts, pages, annotations);
        }, cancellationToken);
    }

    private static async Task<Page<TraceItem>> PageAsync(UnitOfWork unit, string traceId, TracePartQuery query)
    {
        var filter = "trace_id = @traceId AND kind = @Kind" + (query.EntityId is null ? "" : " AND entity_id = @EntityId");
        var parameters = new { traceId, query.Kind, query.EntityId, Limit = (long)query.Page.Limit, query.Page.Offset };
        var total = await unit.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM case_trace_items WHERE {filter}", parameters).ConfigureAwait(false);
        var rows = (await unit.QueryAsync<ItemRow>($"SELECT kind AS Kind, ordinal AS Ordinal, entity_id AS EntityId, body AS Body FROM case_trace_items WHERE {filter} " +
            "ORDER BY ordinal LIMIT @Limit OFFSET @Offset", parameters).ConfigureAwait(false)).Select(r => new TraceItem(r.Kind, r.Ordinal, r.EntityId, r.Body)).ToList();
        return Page<TraceItem>.Of(rows, query.Page, total);
    }

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
