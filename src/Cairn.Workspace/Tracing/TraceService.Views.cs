using Cairn.Cases.Agencies;
using Cairn.Cases.Traces;
using Cairn.Chains;
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
        var read = await ReadAsync(actor, caseReference, traceId, [Summary], cancellationToken).ConfigureAwait(false);
        return SummaryOf(read);
    }

    public async Task<Page<TraceEntityView>> EntitiesAsync(Actor actor, string caseReference, string traceId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(actor, caseReference, traceId, [new TracePartQuery(TraceItem.Entity, null, page)], cancellationToken).ConfigureAwait(false);
        return read.Pages[0].Map(i => TraceJson.Deserialize<TraceEntityView>(i.Body, "trace entity"));
    }

    public async Task<EntityDetailView> EntityAsync(Actor actor, string caseReference, string traceId, string entityId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ValidationException.Required(entityId, "entity_id");
        var read = await ReadAsync(actor, caseReference, traceId,
            [new TracePartQuery(TraceItem.Entity, entityId, new PageRequest(0, 1)), new TracePartQuery(TraceItem.Member, entityId, page),
             new TracePartQuery(TraceItem.Heuristic, entityId, new PageRequest(0, 500))], cancellationToken).ConfigureAwait(false);
        if (read.Pages[0].Items.Count == 0) throw new NotFoundException($"trace {traceId} has no entity '{entityId}'");
        var entity = TraceJson.Deserialize<TraceEntityView>(read.Pages[0].Items[0].Body, "trace entity");
        var members = read.Pages[1].Map(i => TraceJson.Deserialize<EntityMemberView>(i.Body, "entity member"));
        var heuristics = read.Pages[2].Items.Select(i => TraceJson.Deserialize<EntityHeuristic>(i.Body, "entity heuristic")).ToList();
        var tags = new List<EntityDetailView.TagEvidence>();
        // An actor's tags name its addresses; other entities can only carry tags without an actor (abuse reports): look those up per address.
        if (entity.Actor is { } actorId)
            tags.AddRange((await _intel.LoadTagsAsync(new TagFilter { Actor = actorId }, cancellationToken).ConfigureAwait(false)).Take(20).Select(Evidence));
        else
            foreach (var member in members.Items.Where(m => m.Address is not null).Take(10))
                tags.AddRange((await _intel.LoadTagsAsync(new TagFilter { Address = member.Address }, cancellationToken).ConfigureAwait(false)).Select(Evidence));
        return new EntityDetailView(entity, members, tags.Distinct().ToList(), heuristics, read.Annotations.FirstOrDefault(a => a.NodeId == entityId));
    }

    /// <summary>One page of the endpoints (of one entity when given), with their value in <paramref name="fiat"/> at their day's rate when asked for.</summary>
    public async Task<Page<TraceEndpointView>> EndpointsAsync(Actor actor, string caseReference, string traceId, string? entityId, string? fiat, PageRequest page, CancellationToken cancellationToken = default)
    {
        var currency = fiat is null ? null : Valuation.RateService.Currency(fiat, "fiat");
        var read = await ReadAsync(actor, caseReference, traceId, [Summary, new TracePartQuery(TraceItem.Endpoint, entityId, page)], cancellationToken).ConfigureAwait(false);
        var endpoints = read.Pages[1].Map(i => TraceJson.Deserialize<TraceEndpointView>(i.Body, "trace endpoint"));
        if (currency is null) return endpoints;
        var summary = SummaryOf(read);
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> names = summary.Chain == "btc" ? ["BTC"] : summary.AmountField == "amount_wei" ? ["ETH"] : [summary.Asset, .. summary.Request.Asset is { } a ? new[] { a } : []];
        return endpoints.Map(e => e.Time is { } time
            ? e with { Fiat = valuator.Value(names, summary.Decimals, System.Numerics.BigInteger.Parse(e.Amount, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(time.UtcDateTime), currency) }
            : e);
    }

    public async Task<EntityGraphView> GraphAsync(Actor actor, string caseReference, string traceId, GraphQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var read = await ReadAsync(actor, caseReference, traceId, [new TracePartQuery(TraceItem.Graph, null, new PageRequest(0, 1))], cancellationToken).ConfigureAwait(false);
        return GraphFolding.Fold(TraceJson.Deserialize<TraceGraphData>(read.Pages[0].Items[0].Body, "trace graph"), query, read.Annotations);
    }

    /// <summary>Sets (or, with empty text, removes) the note on a graph node of a saved trace; at most 2,000 characters.</summary>
    public async Task<TraceAnnotation?> AnnotateAsync(Actor actor, string caseReference, string traceId, string nodeId, string? text, CancellationToken cancellationToken = default)
    {
        var node = ValidationException.Required(nodeId, "node_id");
        var note = (text ?? "").Trim();
        if (note.Length > 2000) throw new ValidationException("text", $"text is {note.Length} characters long; a note holds at most 2,000");
        return await _traces.AnnotateAsync(actor, caseReference, traceId, node, note, cancellationToken).ConfigureAwait(false);
    }

    private static readonly TracePartQuery Summary = new(TraceItem.Summary, null, new PageRequest(0, 1));

    private static TraceSummary SummaryOf(TracePartsRead read) =>
        TraceJson.Deserialize<TraceSummary>(read.Pages[0].Items[0].Body, "trace summary") with { Trace = read.Trace };

    /// <summary>
    /// Reads parts of a saved trace in one transaction. A trace saved before parts were kept gets them once,
    /// from a re-run of its saved request on the same chain tip (refused, naming both tips, when the index moved).
    /// </summary>
    private async Task<TracePartsRead> ReadAsync(Actor actor, string caseReference, string traceId, IReadOnlyList<TracePartQuery> queries, CancellationToken cancellationToken)
    {
        var read = await _traces.ReadPartsAsync(actor, caseReference, traceId, queries, cancellationToken).ConfigureAwait(false);
        if (read.HasParts) return read;
        var record = read.Trace;
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TraceItem> parts;
        var chain = ChainRegistry.Get(record.Chain);
        if (chain.Family == ChainFamily.Account)
        {
            var (report, entities) = await RunAccountWithEntitiesAsync(chain, Cairn.Tracing.Ethereum.EthTraceRequestJson.Deserialize(record.RequestJson), TraceAttribution.Standard, null,
                cancellationToken).ConfigureAwait(false);
            RequireSameTip(record, report.TipBlock ?? 0, report.TipHash ?? "");
            parts = TraceParts.Of(report, entities, valuator);
        }
        else
        {
            var stored = TraceRequestJson.Deserialize(record.RequestJson);
            var (result, entities) = await RunWithEntitiesAsync(chain, stored.Request, TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
            RequireSameTip(record, result.TipHeight, result.TipHash);
            parts = TraceParts.Of(TraceReport.From(result, entities, valuator, null, chain.Id), entities!, valuator);
        }
        await _traces.AddItemsAsync(actor, caseReference, traceId, parts, cancellationToken).ConfigureAwait(false);
        return await _traces.ReadPartsAsync(actor, caseReference, traceId, queries, cancellationToken).ConfigureAwait(false);
    }

    private static void RequireSameTip(CaseTrace record, long height, string hash)
    {
        if (height != record.TipHeight || hash != record.TipHash)
            throw new CairnException($"trace {record.Id} was saved before entities were kept, at tip {record.TipHeight} {record.TipHash}; the index now stands at {height} {hash}: save the trace again to see its entities");
    }

    private static EntityDetailView.TagEvidence Evidence(Cairn.Intel.Tags.Tag tag) =>
        new(tag.Identifier, tag.Label, tag.Category, tag.Actor, tag.Confidence, tag.Source, tag.PackId);
}
