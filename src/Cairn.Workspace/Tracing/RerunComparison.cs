namespace Cairn.Workspace.Tracing;

/// <summary>
/// A saved trace run again on the current index: whether the result is byte for byte the saved one,
/// whether the index still stands at the saved tip, both results' SHA-256, and why they may differ.
/// </summary>
public sealed record RerunComparison(bool Identical, bool SameTip, string SavedSha256, string RerunSha256, string? Note);
