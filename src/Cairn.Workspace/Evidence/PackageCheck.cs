using Cairn.Cases.Evidence;

namespace Cairn.Workspace.Evidence;

/// <summary>
/// What checking an evidence package found: valid or not, whether the signing key was pinned (compared
/// with a trusted key), a one-line summary for people (VALID only with a pinned key), the case, the
/// signing key, the counts, each check passed and each problem.
/// </summary>
public sealed record PackageCheck(bool Valid, bool KeyPinned, string Summary, string? CaseReference, string? KeyId, long TreeSize, int Files, int LogEntries, IReadOnlyList<string> Checks, IReadOnlyList<string> Problems)
{
    public static PackageCheck Of(PackageVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.IsValid, result.KeyPinned, result.Summary, result.CaseReference, result.KeyId, result.TreeSize, result.Files, result.LogEntries, result.Checks, result.Problems);
    }
}
