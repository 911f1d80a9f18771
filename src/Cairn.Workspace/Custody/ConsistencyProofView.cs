namespace Cairn.Workspace.Custody;

/// <summary>An RFC 9162 consistency proof between two sizes of the custody log, with the root of the larger.</summary>
public sealed record ConsistencyProofView(long FirstSize, long SecondSize, string SecondRoot, IReadOnlyList<string> Path);
