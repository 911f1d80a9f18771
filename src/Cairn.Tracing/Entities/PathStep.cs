namespace Cairn.Tracing.Entities;

/// <summary>One step of a path the value took: the place it reached and the transaction (with its block time) that paid it there.</summary>
public readonly record struct PathStep(EntityPlace Place, string TxId, DateTimeOffset? Time);
