namespace Cairn.Cases.Evidence;

/// <summary>
/// <c>manifest.json</c> of an evidence package (format <see cref="FormatName"/>, see docs/evidence.md):
/// the case, the signed tree head, every file with its custody entries and their RFC 9162 proofs.
/// Serialised with snake_case names; it is a data object of the ASiC-E container, so the CAdES
/// signature covers it through <c>META-INF/ASiCManifest.xml</c>.
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
    public const string FormatName = "cairn-evidence-package-v2";
}
