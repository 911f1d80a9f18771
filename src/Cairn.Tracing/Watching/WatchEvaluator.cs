using System.Numerics;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Watching;

/// <summary>
/// Evaluates new transactions against watches. A transaction spends from a watch when one of its
/// inputs is the watched address, is in the watched cluster, is attributed to the watched actor, or is
/// an address the watched funds reached earlier (followed). Then, for the original watch:
/// <c>funds_left</c> (not for followed addresses: they are the money moving on, not the subject),
/// <c>threshold</c> when the amount leaving reaches the watch's threshold; and for every output
/// outside the watch: <c>reached_service</c> when it is attributed to a service in
/// <see cref="TraceRequest.DefaultStopCategories"/> (exchanges, mixers, bridges…), <c>reached_sanctioned</c>
/// when it is on a sanctions list, else the output's address is followed one hop further (up to
/// <see cref="MaxFollowHops"/>). The amount reaching an output is the output's value, capped at what
/// left the watch in that transaction (a transaction mixing other inputs cannot attribute more).
/// Transactions are taken in the order given (block order), so a hop followed in a block is seen in later ones.
/// </summary>
public sealed class WatchEvaluator(Func<string, ActorAttribution?> attribution, Func<string, bool> sanctioned, Func<string, uint?>? clusterOf = null)
{
    public const int MaxFollowHops = 6;

    public (IReadOnlyList<WatchHit> Hits, IReadOnlyList<WatchTarget> Followed) Evaluate(IEnumerable<ObservedTransaction> transactions, IReadOnlyList<WatchTarget> watches)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(watches);
        var byAddress = new Dictionary<string, WatchTarget>(StringComparer.OrdinalIgnoreCase);
        var byCluster = new Dictionary<uint, WatchTarget>();
        var byActor = new Dictionary<string, WatchTarget>(StringComparer.Ordinal);
        foreach (var watch in watches)
        {
            switch (watch.Kind)
            {
                case "address" or "followed": byAddress.TryAdd(watch.Value, watch); break;
                case "cluster" when clusterOf?.Invoke(watch.Value) is { } cluster: byCluster.TryAdd(cluster, watch); break;
                case "actor": byActor.TryAdd(watch.Value, watch); break;
            }
        }
        var hits = new List<WatchHit>();
        var followed = new List<WatchTarget>();
        if (byAddress.Count + byCluster.Count + byActor.Count == 0) return (hits, followed);
        foreach (var tx in transactions)
        {
            WatchTarget? watch = null;
            var leaving = BigInteger.Zero;
            string? from = null;
            foreach (var (address, amount) in tx.Inputs)
            {
                var matched = Match(address, byAddress, byCluster, byActor);
                if (matched is null || (watch is not null && matched.Id != watch.Id)) continue;
                watch ??= matched;
                from ??= address;
                leaving += amount;
            }
            if (watch is null || from is null) continue;
            var original = watch.Origin ?? watch.Id;
            if (watch.Kind != "followed")
                hits.Add(new WatchHit(original, "funds_left", tx, from, null, leaving, null, $"{leaving} base units left the watched {watch.Kind} {watch.Value}"));
            if (watch.Threshold is { } threshold && leaving >= threshold)
                hits.Add(new WatchHit(original, "threshold", tx, from, null, leaving, null, $"{leaving} base units left at once, at least the threshold {threshold}"));
            foreach (var (address, value) in tx.Outputs)
            {
                if (Match(address, byAddress, byCluster, byActor) is { } back && (back.Origin ?? back.Id) == original) continue; // change back to the watch
                var amount = BigInteger.Min(value, leaving);
                if (attribution(address) is { } service && TraceRequest.DefaultStopCategories.Contains(service.Category))
                    hits.Add(new WatchHit(original, "reached_service", tx, from, address, amount, service,
                        $"{amount} base units reached {service.Label} ({service.Category}, {string.Join("/", service.Jurisdictions)}) {watch.Hops + 1} hop(s) from the watch"));
                else if (sanctioned(address))
                    hits.Add(new WatchHit(original, "reached_sanctioned", tx, from, address, amount, null, $"{amount} base units reached {address}, on a sanctions list"));
                else if (watch.Hops + 1 <= MaxFollowHops && !byAddress.ContainsKey(address))
                {
                    var next = new WatchTarget("", "followed", address, watch.Threshold, original, watch.Hops + 1);
                    byAddress[address] = next;
                    followed.Add(next);
                }
            }
        }
        return (hits, followed);
    }

    private WatchTarget? Match(string address, Dictionary<string, WatchTarget> byAddress, Dictionary<uint, WatchTarget> byCluster, Dictionary<string, WatchTarget> byActor)
    {
        if (byAddress.TryGetValue(address, out var direct)) return direct;
        if (byCluster.Count > 0 && clusterOf?.Invoke(address) is { } cluster && byCluster.TryGetValue(cluster, out var viaCluster)) return viaCluster;
        return byActor.Count > 0 && attribution(address) is { } actor && byActor.TryGetValue(actor.ActorId, out var viaActor) ? viaActor : null;
    }
}
