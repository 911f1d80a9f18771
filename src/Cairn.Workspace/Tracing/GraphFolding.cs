using System.Globalization;
using System.Numerics;
using Cairn.Cases.Traces;
using Cairn.Core;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Folds a trace's graph data into a readable graph. Rules: with a time window, only value that moved
/// inside it counts (a flow counts when it first moved before the window's end and last moved after its
/// start; an entity is shown when the seed, or reached by such a flow); entities are ranked seed first,
/// then by the amount that stopped in them, then by what they received; the top ones are kept so that
/// kept nodes plus one "other" node per jurisdiction of the rest (unattributed ones together) stay within
/// <c>max_nodes</c>; expanded entities are replaced by their addresses. Edges add up the address flows
/// between the nodes their ends fall in (flows inside one node are left out); a fiat total is given only
/// when every flow in it has one.
/// </summary>
public static class GraphFolding
{
    public static EntityGraphView Fold(TraceGraphData data, GraphQuery query, IReadOnlyList<TraceAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(query);
        var maxNodes = query.MaxNodes ?? GraphQuery.DefaultMaxNodes;
        if (maxNodes is < 2 or > 5000) throw new ValidationException("max_nodes", $"max_nodes {maxNodes} is out of range 2–5000");
        var expand = new HashSet<string>(query.Expand ?? [], StringComparer.Ordinal);
        var entityOf = data.Members.ToDictionary(m => m.Key, m => m.EntityId, StringComparer.Ordinal);
        var flows = data.Flows.Where(f => (query.Until is null || f.FirstSeen is null || f.FirstSeen <= query.Until) && (query.From is null || f.LastSeen is null || f.LastSeen >= query.From)).ToList();
        var windowed = query.From is not null || query.Until is not null;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flow in flows)
        {
            if (entityOf.TryGetValue(flow.From, out var from)) reached.Add(from);
            if (entityOf.TryGetValue(flow.To, out var to)) reached.Add(to);
        }
        var visible = data.Entities.Where(e => e.Seed || !windowed || reached.Contains(e.Id)).ToList();
        var ranked = visible.OrderByDescending(e => e.Seed).ThenByDescending(e => Big(e.Amount)).ThenByDescending(e => Big(e.Received)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var keep = Math.Min(ranked.Count, maxNodes);
        while (keep > 1 && keep + ranked.Skip(keep).Select(Group).Distinct().Count() > maxNodes) keep--;
        var kept = ranked.Take(keep).ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var id in expand.Where(id => !kept.ContainsKey(id)))
            if (visible.FirstOrDefault(e => e.Id == id) is { } asked) kept[id] = asked; // an expanded entity is always shown
        var byId = visible.ToDictionary(e => e.Id, StringComparer.Ordinal);

        string? NodeOf(string memberKey)
        {
            if (!entityOf.TryGetValue(memberKey, out var entity) || !byId.TryGetValue(entity, out var e)) return null;
            if (expand.Contains(entity)) return "member:" + memberKey;
            return kept.ContainsKey(entity) ? entity : "other:" + Group(e);
        }

        var nodes = new List<EntityGraphView.Node>();
        foreach (var e in kept.Values.Where(e => !expand.Contains(e.Id)))
            nodes.Add(new EntityGraphView.Node(e.Id, e.Kind, e.Label, e.Category, e.Jurisdictions.FirstOrDefault(), e.Amount, Dec(Big(e.Amount), data.Decimals),
                e.ValueUsd, e.ValueEur, e.FirstSeen, e.LastSeen, e.Sanctioned, e.Seed, e.Addresses, e.Endpoints, null, 1));
        foreach (var m in data.Members.Where(m => expand.Contains(m.EntityId) && byId.ContainsKey(m.EntityId)))
        {
            var parent = byId[m.EntityId];
            nodes.Add(new EntityGraphView.Node("member:" + m.Key, "member", Short(m.Key), parent.Category, parent.Jurisdictions.FirstOrDefault(), m.Amount, Dec(Big(m.Amount), data.Decimals),
                null, null, null, null, m.Sanctioned, m.Seed, 1, 0, m.EntityId, 0));
        }
        foreach (var group in ranked.Skip(keep).Where(e => !kept.ContainsKey(e.Id)).GroupBy(Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var amount = group.Aggregate(BigInteger.Zero, (s, e) => s + Big(e.Amount));
            nodes.Add(new EntityGraphView.Node("other:" + group.Key, "other", group.Key == "unattributed" ? $"other: {group.Count()} unattributed" : $"other in {group.Key}: {group.Count()}",
                null, group.Key == "unattributed" ? null : group.Key, amount.ToString(CultureInfo.InvariantCulture), Dec(amount, data.Decimals),
                Sum(group.Select(e => e.ValueUsd)), Sum(group.Select(e => e.ValueEur)), group.Min(e => e.FirstSeen), group.Max(e => e.LastSeen),
                group.Any(e => e.Sanctioned), false, group.Sum(e => e.Addresses), group.Sum(e => e.Endpoints), null, group.Count()));
        }

        var edges = new Dictionary<(string, string), (BigInteger Amount, List<string?> Usd, List<string?> Eur, DateTimeOffset? First, DateTimeOffset? Last)>();
        foreach (var flow in flows)
        {
            var from = NodeOf(flow.From);
            var to = NodeOf(flow.To);
            if (from is null || to is null || from == to) continue;
            var edge = edges.TryGetValue((from, to), out var existing) ? existing : (BigInteger.Zero, new List<string?>(), new List<string?>(), null, null);
            edge.Amount += Big(flow.Amount);
            edge.Usd.Add(flow.ValueUsd);
            edge.Eur.Add(flow.ValueEur);
            edge.First = Min(edge.First, flow.FirstSeen);
            edge.Last = Max(edge.Last, flow.LastSeen);
            edges[(from, to)] = edge;
        }
        var edgeViews = edges.OrderByDescending(e => e.Value.Amount).ThenBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal)
            .Select(e => new EntityGraphView.Edge(e.Key.Item1, e.Key.Item2, e.Value.Amount.ToString(CultureInfo.InvariantCulture), Dec(e.Value.Amount, data.Decimals),
                Sum(e.Value.Usd), Sum(e.Value.Eur), e.Value.First, e.Value.Last)).ToList();
        return new EntityGraphView(nodes, edgeViews, data.Asset, data.Entities.Count, kept.Count, visible.Count - kept.Count,
            data.Entities.Min(e => e.FirstSeen), data.Entities.Max(e => e.LastSeen), annotations);
    }

    /// <summary>The "other" node an entity folds into: its first jurisdiction, else unattributed.</summary>
    private static string Group(TraceGraphData.Entity entity) => entity.Jurisdictions.FirstOrDefault() ?? "unattributed";

    private static string? Sum(IEnumerable<string?> values)
    {
        decimal total = 0;
        foreach (var value in values)
        {
            if (value is null) return null;
            total += decimal.Parse(value, CultureInfo.InvariantCulture);
        }
        return total.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static BigInteger Big(string value) => BigInteger.Parse(value, CultureInfo.InvariantCulture);

    private static string Dec(BigInteger value, int decimals) => BaseUnits.ToDecimalString(value, decimals);

    private static string Short(string key) => key.Length > 20 ? key[..10] + "…" + key[^6..] : key;
}
