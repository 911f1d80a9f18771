using System.Runtime.InteropServices;
using Cairn.Tracing.Attribution;

namespace Cairn.Tracing.Tracing;

/// <summary>Turning the stops into the reported result: endpoints with paths, jurisdiction totals, bounds hit.</summary>
internal sealed partial class TraceRun
{
    private TraceResult BuildResult(IReadOnlyList<uint> seeds, long seedAmount)
    {
        var endpoints = new List<TraceEndpoint>(_stops.Count);
        foreach (var (output, amount, reason) in _stops)
        {
            var address = _index.AddressOf(output);
            var hasAddress = address != uint.MaxValue;
            var attribution = hasAddress ? _attribution?.Lookup(address) : null;
            var paths = PathsTo(output, out var truncated);
            endpoints.Add(new TraceEndpoint(
                OutputReference(output),
                hasAddress ? _index.AddressString(address) : null,
                hasAddress && _clusters is not null ? _clusters.ClusterOf(address) : null,
                attribution,
                amount,
                seedAmount == 0 ? 0 : Math.Round((double)amount / seedAmount, 8),
                _settled[output].Hops,
                reason,
                paths,
                truncated) { Sanctioned = hasAddress && _attribution?.IsSanctioned(address) == true });
        }
        endpoints.Sort((a, b) => b.AmountSat != a.AmountSat ? b.AmountSat.CompareTo(a.AmountSat) : string.CompareOrdinal(a.Output, b.Output));
        var peelChains = PeelChainsMet();
        return new TraceResult
        {
            Request = _request,
            TipHeight = _index.TipHeight,
            TipHash = _index.TipHash?.ToString() ?? "",
            SeedOutputs = [.. seeds.Select(OutputReference)],
            SeedAmountSat = seedAmount,
            FeesSat = _fees,
            PoisonInflowSat = _poisonInflow,
            TransactionsVisited = _visited,
            Endpoints = endpoints,
            Jurisdictions = JurisdictionTotals(endpoints),
            Bounds = BoundsHit(endpoints),
            CoinJoins = _coinJoins,
            PeelChains = peelChains,
            Heuristics = HeuristicsUsed(endpoints, peelChains),
        };
    }

    private static List<JurisdictionTotal> JurisdictionTotals(List<TraceEndpoint> endpoints) =>
        [.. endpoints
            .Where(e => e.Attribution is not null)
            .SelectMany(e => e.Attribution!.Jurisdictions.Select(j => (Jurisdiction: j, Endpoint: e)))
            .GroupBy(x => x.Jurisdiction, StringComparer.Ordinal)
            .Select(g => new JurisdictionTotal(g.Key, g.Sum(x => x.Endpoint.AmountSat), g.Count(),
                [.. g.Select(x => x.Endpoint.Attribution!.ActorId).Distinct().Order(StringComparer.Ordinal)]))
            .OrderByDescending(t => t.AmountSat).ThenBy(t => t.Jurisdiction, StringComparer.Ordinal)];

    private List<BoundHit> BoundsHit(List<TraceEndpoint> endpoints)
    {
        var bounds = new List<BoundHit>();
        foreach (var group in endpoints.GroupBy(e => e.Reason).OrderBy(g => g.Key))
        {
            var limit = group.Key switch
            {
                StopReason.MaxHops => $"max_hops={_request.MaxHops}",
                StopReason.BelowMin => $"min_amount_sat={_request.MinAmountSat}",
                StopReason.TimeWindow => $"time_limit={_request.TimeLimit:O}",
                StopReason.Coinjoin => "stop at CoinJoin (ask to go through CoinJoins to continue with haircut)",
                StopReason.UnattributedLargeCluster => $"large_cluster_size={_request.LargeClusterSize}",
                StopReason.WorkLimit => $"max_transactions={_request.MaxTransactions}",
                _ => null,
            };
            if (limit is not null) bounds.Add(new BoundHit(group.Key, limit, group.Count(), group.Sum(e => e.AmountSat)));
        }
        return bounds;
    }

    /// <summary>
    /// Up to <see cref="TraceRequest.MaxPathsPerEndpoint"/> paths from a seed to the endpoint (in
    /// the direction money moved), depth first in contributor order; <paramref name="truncated"/>
    /// says when more exist.
    /// </summary>
    private List<IReadOnlyList<string>> PathsTo(uint endpoint, out bool truncated)
    {
        var found = new List<IReadOnlyList<string>>();
        var trail = _trail;
        trail.Clear();
        var more = false;
        Walk(endpoint);
        truncated = more;
        return found;

        void Walk(uint output)
        {
            if (found.Count >= _request.MaxPathsPerEndpoint)
            {
                more = true;
                return;
            }
            trail.Add(output);
            if (_seeds.Contains(output) && _settled[output].Hops == 0)
            {
                var path = new string[trail.Count];
                for (var i = 0; i < path.Length; i++) path[i] = OutputReference(_forward ? trail[^(i + 1)] : trail[i]);
                found.Add(path);
            }
            else
            {
                var tx = _forward ? TransactionOf(output) : _index.SpenderOf(output) ?? uint.MaxValue;
                if (_contributors.TryGetValue(tx, out var contributors))
                    foreach (var contributor in contributors) Walk(contributor);
            }
            trail.RemoveAt(trail.Count - 1);
        }
    }

    /// <summary>The transaction an output belongs to: remembered when the trace settled taint on it, else searched.</summary>
    private uint TransactionOf(uint output) =>
        _settled.TryGetValue(output, out var settled) && settled.Transaction != NoTransaction ? settled.Transaction : _index.TransactionOfOutput(output);

    private string OutputReference(uint output)
    {
        ref var reference = ref CollectionsMarshal.GetValueRefOrAddDefault(_references, output, out var known);
        if (known) return reference!;
        var tx = TransactionOf(output);
        var vout = output - _index.OutputsOf(tx).First;
        reference = $"{_index.TransactionHash(tx)}:{vout}";
        return reference;
    }
}
