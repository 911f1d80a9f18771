namespace Cairn.Cases.Evidence;

/// <summary>
/// <c>manifest.json</c> of an evidence package (format <see cref="FormatName"/>, see docs/evidence.md).
/// Serialised with snake_case names; <c>manifest.sig</c> is the installation key's signature over its exact bytes.
/// </summary>
public sealed record PackageManifest(
    string Format,
    PackageCase Case,
    string ExportedAt,
    string ExportedBy,
    string ExportedAgency,
    PackageTreeHead TreeHead,
    IReadOnlyList<PackageFile> Files,
    IReadOnlyList<PackageLogEntry> CaseLogEntries)
{
    public const string FormatName = "cairn-evidence-package-v1";
}
