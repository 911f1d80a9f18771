namespace Cairn.Workspace.Custody;

/// <summary>An entry of the custody log with its RFC 9162 inclusion proof: the canonical entry, its leaf hash, and the audit path to the root of a tree of <c>TreeSize</c>.</summary>
public sealed record InclusionProofView(long Sequence, string Entry, string LeafHash, long LeafIndex, long TreeSize, string RootHash, IReadOnlyList<string> AuditPath, string Action, string ObjectType, string ObjectId, string User, string Agency);
