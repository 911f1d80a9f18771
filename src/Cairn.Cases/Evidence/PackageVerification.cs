namespace Cairn.Cases.Evidence;

/// <summary>
/// What <see cref="EvidencePackage.Verify"/> checked (<see cref="Checks"/>) and what failed
/// (<see cref="Problems"/>). <see cref="KeyPinned"/> says whether the signing key was compared with
/// a trusted key; an intact package from a key nobody pinned proves integrity, not origin.
/// </summary>
public sealed record PackageVerification(string? CaseReference, string? KeyId, long TreeSize, int Files, int LogEntries, IReadOnlyList<string> Checks, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>True when a trusted key was given and the package is signed by it.</summary>
    public bool KeyPinned { get; init; }

    /// <summary>One line for people: VALID only with a pinned key, otherwise says "key not pinned".</summary>
    public string Summary => !IsValid
        ? $"package INVALID: {Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}"
        : KeyPinned
            ? $"package VALID: case {CaseReference}, {Files} files, {LogEntries} log entries, signed by the pinned key {KeyId}"
            : $"package intact, key not pinned: case {CaseReference}, {Files} files, {LogEntries} log entries, signed by key {KeyId}, which was not checked against a trusted key (--key)";
}
