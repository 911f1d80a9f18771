namespace Cairn.Tracing.Heuristics;

/// <summary>One hop of a peel chain: the transaction, the output peeled off (a payment) and the change that carries on, with the rule that chose it.</summary>
public sealed record PeelStep(string TxId, string? PeeledOutput, long PeeledSat, string ChangeOutput, long ChangeSat, string Rule, double Confidence);
