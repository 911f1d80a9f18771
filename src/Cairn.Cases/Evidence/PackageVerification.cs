namespace Cairn.Cases.Evidence;

/// <summary>What <see cref="EvidencePackage.Verify"/> checked (<see cref="Checks"/>) and what failed (<see cref="Problems"/>).</summary>
public sealed record PackageVerification(string? CaseReference, string? KeyId, long TreeSize, int Files, int LogEntries, IReadOnlyList<string> Checks, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
