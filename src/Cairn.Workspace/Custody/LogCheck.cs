using Cairn.Cases.Custody;

namespace Cairn.Workspace.Custody;

/// <summary>What re-checking the whole custody log found: valid or not, how much was checked, the root, and the first bad entry with the problem.</summary>
public sealed record LogCheck(bool Valid, long EntriesChecked, long HeadsChecked, string? RootHash, long? FirstBadSequence, string? Problem)
{
    public static LogCheck Of(LogVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.IsValid, result.EntriesChecked, result.HeadsChecked, result.RootHash, result.FirstBadSequence, result.Problem);
    }
}
