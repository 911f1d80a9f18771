using Cairn.Cases.Evidence;

namespace Cairn.Workspace.Evidence;

/// <summary>An evidence item and whether its stored file still has the bytes it was collected with: verified, altered or missing.</summary>
public sealed record EvidenceEntry(EvidenceItem Item, string Status);
