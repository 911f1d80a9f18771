using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Paths;

/// <summary>
/// Shortest value-carrying paths between two addresses (or their clusters): breadth-first over
/// outputs, where an output leads to every output of the transaction that spends it. Each output
/// is visited once (at its shortest distance); every parent at that distance is kept, so all
/// shortest paths can be listed. Bounded by hops and by outputs visited.
/// </summary>
public sealed class PathFinder
{
    private readonly BitcoinIndex _index;
    private readonly AddressClusters? _clusters;

    public PathFinder(BitcoinIndex index, AddressClusters? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _clusters = clusters;
    }

    /// <param name="byCluster">Match the target's whole cluster instead of the one address.</param>
    public PathSearchResult Find(string from, string to, int maxHops = 6, bool byCluster = false, int maxPaths = 10, int maxVisited = 2_000_000)
    {
        if (maxHops < 1) throw Cairn.Core.CairnException.Invalid("max_hops", $"max_hops must be at least 1 (got {maxHops})");
        var source = SeedResolver.FindAddress(_index, from);
        var target = SeedResolver.FindAddress(_index, to);
        if (byCluster && _clusters is null) throw new InvalidOperationException("cluster search needs the clusters");
        bool IsTarget(uint address) => address != uint.MaxValue &&
            (byCluster ? _clusters!.ClusterOf(address) == _clusters.ClusterOf(target) : address == target);

        var parents = new Dictionary<uint, List<uint>>();
        var depth = new Dictionary<uint, int>();
        var frontier = new List<uint>();
        foreach (var output in _index.OutputsOfAddress(source))
        {
            depth[output] = 0;
            parents[output] = [];
            frontier.Add(output);
        }
        var hits = new List<uint>();
        var limitHit = false;
        for (var hop = 1; hop <= maxHops && frontier.Count > 0 && hits.Count == 0 && !limitHit; hop++)
        {
            var next = new List<uint>();
            foreach (var output in frontier)
            {
                if (_index.SpenderOf(output) is not { } spender) continue;
                var (first, end) = _index.OutputsOf(spender);
                for (var child = first; child < end; child++)
                {
                    if (_index.Value(child) == 0) continue;
                    if (depth.TryGetValue(child, out var known))
                    {
                        if (known == hop) parents[child].Add(output);
                        continue;
                    }
                    depth[child] = hop;
                    parents[child] = [output];
                    next.Add(child);
                    if (IsTarget(_index.AddressOf(child))) hits.Add(child);
                }
                if (depth.Count >= maxVisited) { limitHit = true; break; }
            }
            frontier = next;
        }
        var paths = new List<ValuePath>();
        var more = false;
        foreach (var hit in hits.Order())
            foreach (var path in Unwind(hit, parents))
            {
                if (paths.Count >= maxPaths) { more = true; break; }
                paths.Add(new ValuePath([.. path.Select(Reference)]));
            }
        return new PathSearchResult(from, to, maxHops, paths, more, depth.Count, limitHit);
    }

    private static IEnumerable<List<uint>> Unwind(uint output, Dictionary<uint, List<uint>> parents)
    {
        if (parents[output].Count == 0)
        {
            yield return [output];
            yield break;
        }
        foreach (var parent in parents[output])
            foreach (var path in Unwind(parent, parents))
            {
                path.Add(output);
                yield return path;
            }
    }

    private string Reference(uint output) => $"{_index.TransactionHash(_index.TransactionOfOutput(output))}:{_index.VoutOf(output)}";
}
