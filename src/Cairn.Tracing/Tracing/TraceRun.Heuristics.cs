using Cairn.Tracing.Attribution;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>Listing the heuristics a trace relied on, each with its measured error rates (DESIGN: "heuristics report a confidence and the rule that fired").</summary>
internal sealed partial class TraceRun
{
    private List<HeuristicStep> HeuristicsUsed(TraceEndpointList endpoints, IReadOnlyList<CoinJoinSeen> coinJoins, IReadOnlyList<PeelChainSeen> peelChains)
    {
        var steps = new List<HeuristicStep>();
        void Add(string rule, HeuristicKind kind, string usedFor, int times)
        {
            if (times > 0) steps.Add(new HeuristicStep(rule, kind, usedFor, times, _figures.RatesFor(rule)));
        }

        Add(HeuristicCatalogue.CoinJoinAny, HeuristicKind.CoinJoin,
            "checked every transaction the trace reached for a CoinJoin; one it missed would be followed like an ordinary payment", _coinJoinChecks);
        foreach (var rule in coinJoins.GroupBy(c => c.Rule, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            Add(rule.Key, HeuristicKind.CoinJoin, _request.ThroughCoinJoin
                ? "named a CoinJoin the trace went through with haircut"
                : "named a CoinJoin the trace stopped at", rule.Count());
        Add(HeuristicCatalogue.PeelChain, HeuristicKind.PeelChain, "flagged a peel chain the trace went through", peelChains.Count);
        var hopRules = peelChains.SelectMany(p => p.Rule.Split('+').Distinct(StringComparer.Ordinal)).ToList();
        Add(HeuristicCatalogue.ChangeVerdict, HeuristicKind.Change, "chose the change at peel-chain hops (combined verdict of the change rules)",
            peelChains.Count(p => p.Rule.Split('+').Any(r => r != HeuristicCatalogue.PeelLargerOutput)));
        foreach (var rule in hopRules.GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            Add(rule.Key, rule.Key == HeuristicCatalogue.PeelLargerOutput ? HeuristicKind.PeelChain : HeuristicKind.Change,
                rule.Key == HeuristicCatalogue.PeelLargerOutput ? "took the larger output as the change at peel-chain hops no change rule decided" : "pointed at the change at peel-chain hops",
                rule.Count());
        var (viaCluster, largeCluster) = (0, 0);
        foreach (var stop in endpoints.Stops)
        {
            if (AttributionOf(stop.Output)?.Source.EndsWith(ClusterAttribution.ViaCluster, StringComparison.Ordinal) == true) viaCluster++;
            if (stop.Reason == StopReason.UnattributedLargeCluster) largeCluster++;
        }
        Add(HeuristicCatalogue.MultiInput, HeuristicKind.Clustering, "attributed an endpoint through the tagged address's multi-input cluster", viaCluster);
        Add(HeuristicCatalogue.MultiInput, HeuristicKind.Clustering, $"stopped at an unattributed multi-input cluster of more than {_request.LargeClusterSize} addresses", largeCluster);
        return steps;
    }
}
