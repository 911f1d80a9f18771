namespace Cairn.Workspace.Tracing;

/// <summary>Traced value moving from one entity (or address) to another, in base units, with its time span, fiat values and up to 20 transactions.</summary>
public sealed record EntityFlowView(string From, string To, string Amount, string AmountDecimal, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen,
    string? ValueUsd, string? ValueEur, IReadOnlyList<string> TxIds);
