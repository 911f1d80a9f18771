using System.Globalization;
using System.Numerics;
using Cairn.Cases.Traces;
using Cairn.Core;
using Cairn.Tracing.Entities;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Splits a report into the rows a saved trace keeps for paging (<see cref="TraceItem"/>): the summary,
/// the graph data, one row per entity, endpoint, member and heuristic, each with its entity.
/// </summary>
public static class TraceParts
{
    public static IReadOnlyList<TraceItem> Of(TraceReport report, TraceEntities entities, Valuator valuator)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(entities);
        var asset = TraceAsset.OfUtxoChain(report.Chain);
        var summary = new TraceSummary
        {
            Chain = report.Chain, Request = report.Request, TipHeight = report.TipHeight, TipHash = report.TipHash, Asset = asset.Names[0], Decimals = asset.Decimals, AmountField = asset.AmountField,
            TracedAmount = report.TracedAmountSat, TracedAmountDecimal = report.TracedAmountBtc, FeesAmount = report.FeesSat, EndpointTotal = report.EndpointTotalSat,
            Endpoints = report.Endpoints.Count, Entities = report.Entities.Count, Examined = report.TransactionsVisited,
            Jurisdictions = [.. report.Jurisdictions.Select(j => Jurisdiction(j.Jurisdiction, j.AmountSat, j.Endpoints, j.Actors, entities, asset, valuator))],
            Bounds = [.. report.Bounds.Select(b => new TraceSummary.Bound(b.Bound, $"{b.Limit} ({b.UnexploredOutputs} outputs)", b.AmountSat))],
            Coinjoins = report.Coinjoins, PeelChains = report.PeelChains, Fiat = report.Fiat,
        };
        return Items(Totals(summary, entities, asset, valuator), report.Entities, report.Endpoints.Select(e => (e.EntityId, TraceEndpointView.Of(e))), entities, asset, valuator);
    }

    public static IReadOnlyList<TraceItem> Of(EthTraceReport report, TraceEntities entities, Valuator valuator)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(entities);
        var asset = EthTraceReport.AssetOf(report.TokenContract, report.Asset, report.Decimals, report.Chain);
        var summary = new TraceSummary
        {
            Chain = report.Chain, Request = report.Request, TipHeight = report.TipBlock, TipHash = report.TipHash, Asset = report.Asset, Decimals = asset.Decimals, AmountField = asset.AmountField,
            TracedAmount = report.TracedAmount, TracedAmountDecimal = report.TracedAmountDecimal,
            EndpointTotal = report.Endpoints.Aggregate(BigInteger.Zero, (s, e) => s + BigInteger.Parse(e.Amount, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
            Endpoints = report.Endpoints.Count, Entities = report.Entities.Count, Examined = report.ExaminedTransfers,
            Jurisdictions = [.. report.Jurisdictions.Select(j => Jurisdiction(j.Jurisdiction, j.Amount,
                report.Endpoints.Count(e => e.Jurisdictions.Contains(j.Jurisdiction)),
                [.. report.Endpoints.Where(e => e.Jurisdictions.Contains(j.Jurisdiction) && e.Actor is not null).Select(e => e.Actor!).Distinct().Order(StringComparer.Ordinal)],
                entities, asset, valuator))],
            Bounds = [.. report.Bounds.Select(b => new TraceSummary.Bound(b.Bound, b.Detail, b.UnexploredAmount))],
            Fiat = report.Fiat,
        };
        return Items(Totals(summary, entities, asset, valuator), report.Entities, report.Endpoints.Select(e => (e.EntityId, TraceEndpointView.Of(e))), entities, asset, valuator);
    }

    private static TraceSummary Totals(TraceSummary summary, TraceEntities entities, TraceAsset asset, Valuator valuator)
    {
        var byDay = Merge(entities.Entities);
        return summary with
        {
            FirstSeen = entities.Entities.Min(e => e.FirstSeen),
            LastSeen = entities.Entities.Max(e => e.LastSeen),
            ValueUsd = valuator.Value(asset.Names, asset.Decimals, byDay, "USD")?.Value,
            ValueEur = valuator.Value(asset.Names, asset.Decimals, byDay, "EUR")?.Value,
        };
    }

    private static TraceSummary.Jurisdiction Jurisdiction(string code, string amount, int endpoints, IReadOnlyList<string> actors, TraceEntities entities, TraceAsset asset, Valuator valuator)
    {
        var byDay = Merge(entities.Entities.Where(e => e.Jurisdictions.Contains(code)));
        return new TraceSummary.Jurisdiction(code, amount, BaseUnits.ToDecimalString(BigInteger.Parse(amount, CultureInfo.InvariantCulture), asset.Decimals), endpoints, actors,
            valuator.Value(asset.Names, asset.Decimals, byDay, "USD")?.Value, valuator.Value(asset.Names, asset.Decimals, byDay, "EUR")?.Value);
    }

    private static SortedDictionary<DateOnly, BigInteger> Merge(IEnumerable<TraceEntity> entities)
    {
        var byDay = new SortedDictionary<DateOnly, BigInteger>();
        foreach (var entity in entities)
            foreach (var (day, amount) in entity.AmountByDay) byDay[day] = byDay.GetValueOrDefault(day) + amount;
        return byDay;
    }

    private static List<TraceItem> Items(TraceSummary summary, IReadOnlyList<TraceEntityView> entityViews, IEnumerable<(string? EntityId, TraceEndpointView Endpoint)> endpoints,
        TraceEntities entities, TraceAsset asset, Valuator valuator)
    {
        var items = new List<TraceItem> { new(TraceItem.Summary, 0, null, TraceJson.Serialize(summary)), new(TraceItem.Graph, 0, null, TraceJson.Serialize(GraphData(entityViews, entities, asset, valuator))) };
        items.AddRange(entityViews.Select((e, i) => new TraceItem(TraceItem.Entity, i, e.EntityId, TraceJson.Serialize(e))));
        items.AddRange(endpoints.Select((e, i) => new TraceItem(TraceItem.Endpoint, i, e.EntityId, TraceJson.Serialize(e.Endpoint))));
        items.AddRange(entities.Members.Select((m, i) => new TraceItem(TraceItem.Member, i, m.EntityId, TraceJson.Serialize(Member(m, asset)))));
        items.AddRange(entities.Heuristics.Select((h, i) => new TraceItem(TraceItem.Heuristic, i, h.EntityId, TraceJson.Serialize(h))));
        return items;
    }

    private static TraceGraphData GraphData(IReadOnlyList<TraceEntityView> views, TraceEntities entities, TraceAsset asset, Valuator valuator) => new(
        asset.Names[0], asset.Decimals,
        [.. views.Select(e => new TraceGraphData.Entity(e.EntityId, e.Kind, e.Label, e.Category, e.Jurisdictions, e.BaseUnits, e.Received, e.ValueUsd, e.ValueEur,
            e.FirstSeen, e.LastSeen, e.Sanctioned, e.Seed, e.Addresses, e.Endpoints))],
        [.. entities.Members.Select(m => new TraceGraphData.Member(m.Key, m.EntityId, Text(m.Amount), m.Sanctioned, m.Seed))],
        [.. EntityViews.Flows(entities.AddressFlows, asset, valuator).Select(f => new TraceGraphData.Flow(f.From, f.To, f.Amount, f.FirstSeen, f.LastSeen, f.ValueUsd, f.ValueEur))]);

    public static EntityMemberView Member(EntityMember member, TraceAsset asset)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(asset);
        return new(member.EntityId, member.Key, member.Address, member.Seed, member.Sanctioned, Text(member.Amount), BaseUnits.ToDecimalString(member.Amount, asset.Decimals),
            member.Endpoints, Text(member.Received),
            [.. member.Transactions.Select(t => new EntityMemberView.Transaction(t.TxId, t.Time, Text(t.Amount), BaseUnits.ToDecimalString(t.Amount, asset.Decimals), t.Role))],
            member.TransactionCount);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
