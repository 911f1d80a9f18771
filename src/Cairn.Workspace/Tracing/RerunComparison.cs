namespace Cairn.Workspace.Tracing;

/// <summary>
/// A saved trace run again on the current index: whether the result is the saved one (byte for
/// byte, leaving aside the heuristics' measured error rates, which come with the build), whether
/// the index still stands at the saved tip, both results' SHA-256, and why they may differ.
/// </summary>
public sealed record RerunComparison(bool Identical, bool SameTip, string SavedSha256, string RerunSha256, string? Note)
{
    /// <summary>The error rates quoted with the trace differ from those saved with it (re-measured, or added, since).</summary>
    public bool ErrorRatesChanged { get; init; }
}
