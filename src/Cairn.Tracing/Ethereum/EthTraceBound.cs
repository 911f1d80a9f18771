namespace Cairn.Tracing.Ethereum;

/// <summary>A bound that cut the trace short: max_hops, min_amount, time_window, max_transfers; with what was left unexplored.</summary>
public sealed record EthTraceBound(string Bound, string Detail, string UnexploredAmount);
