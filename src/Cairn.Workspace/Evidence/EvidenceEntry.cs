using Cairn.Cases.Evidence;

namespace Cairn.Workspace.Evidence;

/// <summary>
/// An evidence item and its stored file's status: "stored", "missing" or "altered" in a list; after
/// an on-demand check "verified", "altered" or "missing" with <see cref="CheckedAt"/>, the time its
/// bytes were hashed (null when they were not re-read).
/// </summary>
public sealed record EvidenceEntry(EvidenceItem Item, string Status, DateTimeOffset? CheckedAt = null);
