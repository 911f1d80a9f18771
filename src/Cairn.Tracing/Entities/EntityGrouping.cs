using System.Globalization;
using System.Numerics;

namespace Cairn.Tracing.Entities;

/// <summary>
/// Groups what a trace met into entities, chain-agnostic (the chain adapters
/// <see cref="BitcoinEntities"/> and <see cref="EthereumEntities"/> feed it): seeds, endpoints with
/// their exact amounts, and the listed paths, each endpoint's amount split evenly over its paths
/// (the first path takes the remainder, so every split adds up exactly). A place belongs to its
/// actor when attributed, else to its multi-input cluster when that has other members, else to
/// itself (<see cref="EntityPlace.EntityId"/>). Deterministic: the same input in the same order
/// gives the same entities, members and flows in the same order.
/// </summary>
public sealed class EntityGrouping
{
    public const int MaxTransactionsPerMember = 50;
    public const int MaxTransactionsPerFlow = 20;

    private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemberState> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), FlowState> _addressFlows = [];
    private readonly Dictionary<(string From, string To), FlowState> _entityFlows = [];
    private readonly Dictionary<string, EndpointPlacement> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Rule, double? Confidence, string Detail)>> _txHeuristics = new(StringComparer.Ordinal);

    /// <summary>A seed of the trace (where the value started).</summary>
    public void AddSeed(EntityPlace place, string txId, DateTimeOffset? time, BigInteger amount)
    {
        ArgumentNullException.ThrowIfNull(place);
        var member = Member(place);
        member.Seed = true;
        member.Entity.Seed = true;
        member.AddTransaction(txId, time, amount, "seed");
        member.Entity.See(time);
    }

    /// <summary>An endpoint (<paramref name="endpointKey"/>: its output or address): <paramref name="amount"/> stopped at <paramref name="place"/>, paid there by <paramref name="txId"/>.</summary>
    public void AddEndpoint(string endpointKey, EntityPlace place, BigInteger amount, string txId, DateTimeOffset? time)
    {
        ArgumentNullException.ThrowIfNull(place);
        var member = Member(place);
        _endpoints[endpointKey] = new EndpointPlacement(member.Entity.Id, time);
        member.Amount += amount;
        member.Endpoints++;
        member.AddTransaction(txId, time, amount, "endpoint");
        var entity = member.Entity;
        entity.Amount += amount;
        entity.Endpoints++;
        entity.See(time);
        if (Day(time) is { } day) entity.ByDay[day] = entity.ByDay.GetValueOrDefault(day) + amount;
    }

    /// <summary>
    /// One listed path (seed first, endpoint last) carrying <paramref name="amount"/>: every step after
    /// the first received it; consecutive steps at different places make a flow between them.
    /// </summary>
    public void AddPath(IReadOnlyList<PathStep> steps, BigInteger amount)
    {
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var member = Member(step.Place);
            if (i > 0)
            {
                member.Received += amount;
                member.Entity.Received += amount;
                member.Entity.See(step.Time);
                if (i < steps.Count - 1)
                {
                    member.AddTransaction(step.TxId, step.Time, amount, "hop");
                    member.Entity.HopTransactions.Add(step.TxId);
                }
            }
            if (i == 0) continue;
            var previous = steps[i - 1].Place;
            if (previous.Key != step.Place.Key) AddFlow(_addressFlows, previous.Key, step.Place.Key, amount, step.TxId, step.Time);
            var from = _members[previous.Key].Entity.Id;
            if (from != member.Entity.Id) AddFlow(_entityFlows, from, member.Entity.Id, amount, step.TxId, step.Time);
        }
    }

    /// <summary>A heuristic that fired on a transaction; it is listed with every entity the transaction paid.</summary>
    public void AddTransactionHeuristic(string txId, string rule, double? confidence, string detail)
    {
        if (!_txHeuristics.TryGetValue(txId, out var list)) _txHeuristics[txId] = list = [];
        list.Add((rule, confidence, detail));
    }

    public TraceEntities Build()
    {
        var entities = _entities.Values
            .OrderByDescending(e => e.Amount).ThenByDescending(e => e.Received).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var members = new List<EntityMember>(_members.Count);
        var heuristics = new List<EntityHeuristic>();
        foreach (var entity in entities)
        {
            if (entity.Kind == EntityKind.Cluster)
                heuristics.Add(new EntityHeuristic(entity.Id, "multi_input", null, null,
                    $"addresses spent together as inputs of one transaction are one owner's (common-input ownership; Meiklejohn et al. 2013); cluster of {entity.ClusterSize} addresses"));
            if (entity.Attribution is { } a)
                heuristics.Add(new EntityHeuristic(entity.Id, a.Source.Contains("via multi-input cluster", StringComparison.Ordinal) ? "attribution_via_cluster" : "attribution",
                    a.Confidence, null, $"tagged as {a.Label} ({a.Category}) by {a.Source}"));
            var seenTx = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in entity.Members.OrderByDescending(m => m.Amount).ThenByDescending(m => m.Received).ThenBy(m => m.Key, StringComparer.Ordinal))
            {
                members.Add(member.ToRecord());
                foreach (var tx in member.TxIds)
                    if (seenTx.Add(tx) && _txHeuristics.TryGetValue(tx, out var fired))
                        heuristics.AddRange(fired.Select(f => new EntityHeuristic(entity.Id, f.Rule, f.Confidence, tx, f.Detail)));
            }
        }
        return new TraceEntities([.. entities.Select(e => e.ToRecord())], members, Flows(_addressFlows), Flows(_entityFlows), heuristics) { Endpoints = _endpoints };
    }

    private static List<EntityFlow> Flows(Dictionary<(string From, string To), FlowState> flows) =>
        [.. flows.OrderByDescending(f => f.Value.Amount).ThenBy(f => f.Key.From, StringComparer.Ordinal).ThenBy(f => f.Key.To, StringComparer.Ordinal)
            .Select(f => new EntityFlow(f.Key.From, f.Key.To, f.Value.Amount, f.Value.First, f.Value.Last, f.Value.TxIds, f.Value.ByDay))];

    private static void AddFlow(Dictionary<(string, string), FlowState> flows, string from, string to, BigInteger amount, string txId, DateTimeOffset? time)
    {
        if (!flows.TryGetValue((from, to), out var flow)) flows[(from, to)] = flow = new FlowState();
        flow.Amount += amount;
        if (time is { } t)
        {
            if (flow.First is null || t < flow.First) flow.First = t;
            if (flow.Last is null || t > flow.Last) flow.Last = t;
        }
        if (Day(time) is { } day) flow.ByDay[day] = flow.ByDay.GetValueOrDefault(day) + amount;
        if (flow.TxIds.Count < MaxTransactionsPerFlow && !flow.TxIds.Contains(txId)) flow.TxIds.Add(txId);
    }

    private MemberState Member(EntityPlace place)
    {
        if (_members.TryGetValue(place.Key, out var existing)) return existing;
        var id = place.EntityId;
        if (!_entities.TryGetValue(id, out var entity)) _entities[id] = entity = new EntityState(id, place);
        var member = new MemberState(place, entity);
        entity.Members.Add(member);
        if (place.Sanctioned) entity.Sanctioned = true;
        _members[place.Key] = member;
        return member;
    }

    internal static DateOnly? Day(DateTimeOffset? time) => time is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;

    private sealed class FlowState
    {
        public BigInteger Amount;
        public DateTimeOffset? First;
        public DateTimeOffset? Last;
        public readonly List<string> TxIds = [];
        public readonly SortedDictionary<DateOnly, BigInteger> ByDay = [];
    }

    private sealed class EntityState(string id, EntityPlace first)
    {
        public string Id { get; } = id;
        public EntityKind Kind { get; } = first.Kind;
        public Attribution.ActorAttribution? Attribution { get; } = first.Attribution;
        public long ClusterSize { get; } = first.ClusterSize;
        public List<MemberState> Members { get; } = [];
        public HashSet<string> HopTransactions { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<DateOnly, BigInteger> ByDay { get; } = [];
        public BigInteger Amount;
        public BigInteger Received;
        public int Endpoints;
        public bool Sanctioned;
        public bool Seed;
        public DateTimeOffset? First;
        public DateTimeOffset? Last;

        public void See(DateTimeOffset? time)
        {
            if (time is not { } t) return;
            if (First is null || t < First) First = t;
            if (Last is null || t > Last) Last = t;
        }

        public TraceEntity ToRecord()
        {
            var place = Members[0].Place;
            return new TraceEntity
            {
                EntityId = Id,
                Kind = Kind,
                Label = Kind switch
                {
                    EntityKind.Actor => Attribution!.Label,
                    EntityKind.Cluster => $"cluster {place.ClusterId!.Value.ToString(CultureInfo.InvariantCulture)} ({ClusterSize.ToString("N0", CultureInfo.InvariantCulture)} addresses)",
                    _ => Short(place.Address ?? place.Key),
                },
                Actor = Attribution?.ActorId,
                Category = Attribution?.Category,
                Jurisdictions = Attribution?.Jurisdictions ?? [],
                Confidence = Attribution?.Confidence,
                AttributionSource = Attribution?.Source,
                ClusterId = Kind == EntityKind.Cluster ? place.ClusterId : null,
                ClusterSize = Kind == EntityKind.Cluster ? ClusterSize : null,
                Sanctioned = Sanctioned,
                Seed = Seed,
                Amount = Amount,
                Received = Received,
                Endpoints = Endpoints,
                Addresses = Members.Count,
                HopTransactions = HopTransactions.Count,
                FirstSeen = First,
                LastSeen = Last,
                AmountByDay = ByDay,
            };
        }

        /// <summary>Long addresses and output references are cut to their ends for labels; details show them whole.</summary>
        private static string Short(string key) => key.Length > 20 ? key[..10] + "…" + key[^6..] : key;
    }

    private sealed class MemberState(EntityPlace place, EntityState entity)
    {
        private readonly List<MemberTransaction> _transactions = [];
        private readonly Dictionary<(string TxId, string Role), int> _listed = [];
        private readonly HashSet<(string TxId, string Role)> _seen = [];

        public EntityPlace Place { get; } = place;
        public EntityState Entity { get; } = entity;
        public string Key => Place.Key;
        public HashSet<string> TxIds { get; } = new(StringComparer.Ordinal);
        public BigInteger Amount;
        public BigInteger Received;
        public int Endpoints;
        public bool Seed;

        public void AddTransaction(string txId, DateTimeOffset? time, BigInteger amount, string role)
        {
            // A hop reached by several paths is one transaction: add the amounts up.
            if (_listed.TryGetValue((txId, role), out var index))
            {
                _transactions[index] = _transactions[index] with { Amount = _transactions[index].Amount + amount };
                return;
            }
            if (!_seen.Add((txId, role))) return;
            TxIds.Add(txId);
            if (_transactions.Count >= MaxTransactionsPerMember) return;
            _listed[(txId, role)] = _transactions.Count;
            _transactions.Add(new MemberTransaction(txId, time, amount, role));
        }

        public EntityMember ToRecord() => new(Entity.Id, Key, Place.Address, Seed, Place.Sanctioned, Amount, Endpoints, Received,
            [.. _transactions.OrderBy(t => t.Time ?? DateTimeOffset.MaxValue).ThenBy(t => t.TxId, StringComparer.Ordinal)], _seen.Count);
    }
}
