using System.Numerics;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Entities;

/// <summary>
/// Entities of a Bitcoin trace: every output the listed paths and endpoints name is looked up in
/// the index once (its address, multi-input cluster and size, attribution lifted to the cluster,
/// sanctions flag, and the block time of the transaction that created it), then grouped by
/// <see cref="EntityGrouping"/>. CoinJoins and peel chains the trace met are listed as heuristics
/// of the entities their transactions paid.
/// </summary>
public static class BitcoinEntities
{
    public static TraceEntities Build(TraceResult result, BitcoinIndex index, AddressClusters? clusters, ClusterAttribution? attribution)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(index);
        var lookup = new Lookup(index, clusters, attribution);
        var grouping = new EntityGrouping();
        foreach (var seed in result.SeedOutputs)
        {
            var (place, txId, time, output) = lookup.Step(seed);
            grouping.AddSeed(place, txId, time, output == uint.MaxValue ? BigInteger.Zero : index.Value(output));
        }
        foreach (var endpoint in result.Endpoints)
        {
            var (place, txId, time, _) = lookup.Step(endpoint.Output);
            grouping.AddEndpoint(endpoint.Output, place, endpoint.AmountSat, txId, time);
            var paths = endpoint.Paths;
            if (paths.Count == 0) continue;
            var share = endpoint.AmountSat / paths.Count;
            var remainder = endpoint.AmountSat - share * paths.Count;
            for (var p = 0; p < paths.Count; p++)
            {
                var steps = new PathStep[paths[p].Count];
                for (var i = 0; i < steps.Length; i++)
                {
                    var (stepPlace, stepTx, stepTime, _) = lookup.Step(paths[p][i]);
                    steps[i] = new PathStep(stepPlace, stepTx, stepTime);
                }
                grouping.AddPath(steps, share + (p == 0 ? remainder : 0));
            }
        }
        foreach (var coinJoin in result.CoinJoins)
            grouping.AddTransactionHeuristic(coinJoin.TxId, "coinjoin_" + coinJoin.Rule, coinJoin.Confidence,
                coinJoin.FollowedWithHaircut ? $"{coinJoin.Detail}; followed with haircut" : $"{coinJoin.Detail}; the trace stopped here");
        foreach (var chain in result.PeelChains)
            foreach (var tx in chain.TxIds)
                grouping.AddTransactionHeuristic(tx, "peel_chain", chain.Confidence,
                    $"peel chain of {chain.Length} transactions ({chain.Peels} peels), change chosen by {chain.Rule}, ended {chain.EndReason}");
        return grouping.Build();
    }

    /// <summary>Output references resolved once each; places shared by address.</summary>
    private sealed class Lookup(BitcoinIndex index, AddressClusters? clusters, ClusterAttribution? attribution)
    {
        private readonly Dictionary<string, uint> _txIds = new(StringComparer.Ordinal);
        private readonly Dictionary<uint, EntityPlace> _places = [];
        private readonly Dictionary<string, (EntityPlace, string, DateTimeOffset?, uint)> _steps = new(StringComparer.Ordinal);

        public (EntityPlace Place, string TxId, DateTimeOffset? Time, uint Output) Step(string reference)
        {
            if (_steps.TryGetValue(reference, out var known)) return known;
            var colon = reference.IndexOf(':', StringComparison.Ordinal);
            var txHash = colon < 0 ? reference : reference[..colon];
            uint output = uint.MaxValue;
            DateTimeOffset? time = null;
            if (!_txIds.TryGetValue(txHash, out var tx))
                tx = _txIds[txHash] = Chains.Bitcoin.Hash256.TryParse(txHash, out var hash) && index.TryFindTransaction(hash, out var found) ? found : uint.MaxValue;
            if (tx != uint.MaxValue && colon > 0 && uint.TryParse(reference.AsSpan(colon + 1), out var vout))
            {
                var (first, end) = index.OutputsOf(tx);
                if (vout < end - first) output = first + vout;
                time = DateTimeOffset.FromUnixTimeSeconds(index.BlockTimeOf(index.HeightOf(tx)));
            }
            var address = output == uint.MaxValue ? uint.MaxValue : index.AddressOf(output);
            EntityPlace place;
            if (address == uint.MaxValue) place = new EntityPlace(reference, null, null, 0, null, false);
            else if (!_places.TryGetValue(address, out place!))
            {
                uint? cluster = clusters is not null && address < clusters.AddressCount ? clusters.ClusterOf(address) : null;
                place = _places[address] = new EntityPlace(index.AddressString(address), index.AddressString(address), cluster,
                    cluster is { } c ? clusters!.SizeOf(c) : 1, attribution?.Lookup(address), attribution?.IsSanctioned(address) == true);
            }
            return _steps[reference] = (place, txHash, time, output);
        }
    }
}
