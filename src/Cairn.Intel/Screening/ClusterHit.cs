namespace Cairn.Intel.Screening;

/// <summary>A hit on another address of the screened address's cluster.</summary>
public sealed record ClusterHit(string Address, ScreeningHit Hit);
