using Cairn.Cases.Evidence;

namespace Cairn.Workspace.Evidence;

/// <summary>What checking an evidence package found: valid or not, the case, the signing key, the counts, each check passed and each problem.</summary>
public sealed record PackageCheck(bool Valid, string? CaseReference, string? KeyId, long TreeSize, int Files, int LogEntries, IReadOnlyList<string> Checks, IReadOnlyList<string> Problems)
{
    public static PackageCheck Of(PackageVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.IsValid, result.CaseReference, result.KeyId, result.TreeSize, result.Files, result.LogEntries, result.Checks, result.Problems);
    }
}
