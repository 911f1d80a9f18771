namespace Cairn.Cases.Custody;

/// <summary>
/// Outcome of re-checking the whole custody log: how much was checked and, when something is
/// wrong, the sequence number of the first bad entry and what is wrong with it.
/// </summary>
public sealed record LogVerification(long EntriesChecked, long HeadsChecked, string? RootHash, long? FirstBadSequence, string? Problem)
{
    public bool IsValid => Problem is null;
}
