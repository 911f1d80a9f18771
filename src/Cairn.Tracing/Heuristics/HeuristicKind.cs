namespace Cairn.Tracing.Heuristics;

/// <summary>What a heuristic decides: who owns addresses together, which output is change, whether a transaction is a CoinJoin, or whether hops form a peel chain.</summary>
public enum HeuristicKind
{
    Clustering,
    Change,
    CoinJoin,
    PeelChain,
}
