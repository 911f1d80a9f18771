using Cairn.Cases.Agencies;
using Cairn.Cases.Traces;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Intel.Store;
using Cairn.Tracing.Entities;
using Cairn.Tracing.Tracing;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Tracing;

/// <summary>A saved trace read in parts, each paged by the database: the summary, entities, an entity's detail, endpoints, the folded graph, and notes on its nodes.</summary>
public sealed partial class TraceService
{
    public async Task<TraceSummary> SummaryAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default)
    {
        var trace = await EnsurePartsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var item = (await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Summary, null, new PageRequest(0, 1), cancellationToken).ConfigureAwait(false)).Items[0];
        return TraceJson.Deserialize<TraceSummary>(item.Body, "trace summary") with { Trace = trace };
    }

    public async Task<Page<TraceEntityView>> EntitiesAsync(Actor actor, string caseReference, string traceId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await EnsurePartsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var items = await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Entity, null, page, cancellationToken).ConfigureAwait(false);
        return items.Map(i => TraceJson.Deserialize<TraceEntityView>(i.Body, "trace entity"));
    }

    public async Task<EntityDetailView> EntityAsync(Actor actor, string caseReference, string traceId, string entityId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ValidationException.Required(entityId, "entity_id");
        await EnsurePartsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var entityItem = (await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Entity, entityId, new PageRequest(0, 1), cancellationToken).ConfigureAwait(false)).Items;
        if (entityItem.Count == 0) throw new NotFoundException($"trace {traceId} has no entity '{entityId}'");
        var entity = TraceJson.Deserialize<TraceEntityView>(entityItem[0].Body, "trace entity");
        var members = (await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Member, entityId, page, cancellationToken).ConfigureAwait(false))
            .Map(i => TraceJson.Deserialize<EntityMemberView>(i.Body, "entity member"));
        var heuristics = (await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Heuristic, entityId, new PageRequest(0, 500), cancellationToken).ConfigureAwait(false))
            .Items.Select(i => TraceJson.Deserialize<EntityHeuristic>(i.Body, "entity heuristic")).ToList();
        var tags = new List<EntityDetailView.TagEvidence>();
        if (entity.Actor is { } actorId)
            tags.AddRange((await _intel.LoadTagsAsync(new TagFilter { Actor = actorId }, cancellationToken).ConfigureAwait(false)).Take(20).Select(Evidence));
        foreach (var member in members.Items.Where(m => m.Address is not null).Take(20))
            tags.AddRange((await _intel.LoadTagsAsync(new TagFilter { Address = member.Address }, cancellationToken).ConfigureAwait(false)).Select(Evidence));
        var annotations = await _traces.AnnotationsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        return new EntityDetailView(entity, members, tags.Distinct().ToList(), heuristics, annotations.FirstOrDefault(a => a.NodeId == entityId));
    }

    /// <summary>One page of the endpoints (of one entity when given), with their value in <paramref name="fiat"/> at their day's rate when asked for.</summary>
    public async Task<Page<TraceEndpointView>> EndpointsAsync(Actor actor, string caseReference, string traceId, string? entityId, string? fiat, PageRequest page, CancellationToken cancellationToken = default)
    {
        var currency = fiat is null ? null : Valuation.RateService.Currency(fiat);
        var summary = currency is null ? null : await SummaryAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        if (summary is null) await EnsurePartsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var items = await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Endpoint, entityId, page, cancellationToken).ConfigureAwait(false);
        var endpoints = items.Map(i => TraceJson.Deserialize<TraceEndpointView>(i.Body, "trace endpoint"));
        if (summary is null || currency is null) return endpoints;
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> names = summary.Chain == "btc" ? ["BTC"] : summary.AmountField == "amount_wei" ? ["ETH"] : [summary.Asset, .. summary.Request.Asset is { } a ? new[] { a } : []];
        return endpoints.Map(e => e.Time is { } time
            ? e with { Fiat = valuator.Value(names, summary.Decimals, System.Numerics.BigInteger.Parse(e.Amount, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(time.UtcDateTime), currency) }
            : e);
    }

    public async Task<EntityGraphView> GraphAsync(Actor actor, string caseReference, string traceId, GraphQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsurePartsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var item = (await _traces.ItemsAsync(actor, caseReference, traceId, TraceItem.Graph, null, new PageRequest(0, 1), cancellationToken).ConfigureAwait(false)).Items[0];
        var annotations = await _traces.AnnotationsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        return GraphFolding.Fold(TraceJson.Deserialize<TraceGraphData>(item.Body, "trace graph"), query, annotations);
    }

    /// <summary>Sets (or, with empty text, removes) the note on a graph node of a saved trace; at most 2,000 characters.</summary>
    public async Task<TraceAnnotation?> AnnotateAsync(Actor actor, string caseReference, string traceId, string nodeId, string? text, CancellationToken cancellationToken = default)
    {
        var node = ValidationException.Required(nodeId, "node_id");
        var note = (text ?? "").Trim();
        if (note.Length > 2000) throw new ValidationException("text", $"text is {note.Length} characters long; a note holds at most 2,000");
        return await _traces.AnnotateAsync(actor, caseReference, traceId, node, note, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<TraceAnnotation>> AnnotationsAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default) =>
        _traces.AnnotationsAsync(actor, caseReference, traceId, cancellationToken);

    /// <summary>
    /// The trace's record, after making sure its parts are kept as rows. A trace saved before parts were
    /// kept gets them once, from a re-run of its saved request on the same chain tip (refused, naming both tips, when the index moved).
    /// </summary>
    private async Task<CaseTrace> EnsurePartsAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken)
    {
        var record = await _traces.GetRecordAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        if (await _traces.HasItemsAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false)) return record;
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TraceItem> parts;
        if (record.Chain == "eth")
        {
            var request = Cairn.Tracing.Ethereum.EthTraceRequestJson.Deserialize(record.RequestJson);
            var index = _chains.Ethereum();
            var lookup = await _attribution.EthereumAsync(TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
            var result = Cairn.Tracing.Ethereum.EthereumTracer.Trace(index, request, lookup);
            var report = EthTraceReport.From(index, request, result, EthereumEntities.Build(result, lookup), valuator, null);
            RequireSameTip(record, report.TipBlock ?? 0, report.TipHash ?? "");
            parts = TraceParts.Of(report, EthereumEntities.Build(result, lookup), valuator);
        }
        else
        {
            var (result, entities) = await RunWithEntitiesAsync(TraceRequestJson.Deserialize(record.RequestJson).Request, TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
            RequireSameTip(record, result.TipHeight, result.TipHash);
            parts = TraceParts.Of(TraceReport.From(result, entities, valuator, null), entities!, valuator);
        }
        await _traces.AddItemsAsync(actor, caseReference, traceId, parts, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private static void RequireSameTip(CaseTrace record, long height, string hash)
    {
        if (height != record.TipHeight || hash != record.TipHash)
            throw new CairnException($"trace {record.Id} was saved before entities were kept, at tip {record.TipHeight} {record.TipHash}; the index now stands at {height} {hash}: save the trace again to see its entities");
    }

    private static EntityDetailView.TagEvidence Evidence(Cairn.Intel.Tags.Tag tag) =>
        new(tag.Identifier, tag.Label, tag.Category, tag.Actor, tag.Confidence, tag.Source, tag.PackId);
}
