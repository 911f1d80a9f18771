using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cairn.Cases.Custody;

namespace Cairn.Cases.Evidence;

/// <summary>
/// The evidence package: an ASiC-E container (ETSI EN 319 162-1) that standard tools verify.
/// <c>mimetype</c> (first, stored), the data objects <c>manifest.json</c> (case, signed tree head,
/// files, custody entries with their RFC 9162 inclusion proofs) and <c>files/&lt;sha256&gt;/&lt;name&gt;</c>,
/// <c>META-INF/ASiCManifest.xml</c> with every data object's SHA-256, and
/// <c>META-INF/signature.p7s</c>, a CAdES-BES detached signature over that manifest by the
/// installation's custody key, with a self-issued certificate for the key. <see cref="Verify"/> needs
/// no database; <c>openssl cms -verify</c> and <c>sha256sum</c> check the same without Cairn.
/// </summary>
public static class EvidencePackage
{
    public const string MimeTypeName = "mimetype";
    public const string MediaType = "application/vnd.etsi.asic-e+zip";
    public const string ManifestName = "manifest.json";
    public const string AsicManifestName = "META-INF/ASiCManifest.xml";
    public const string SignatureName = "META-INF/signature.p7s";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// Writes the package; <paramref name="openFile"/> opens the stored content of each listed file,
    /// which must still hash to its recorded SHA-256. File names are made safe (<see cref="SafeFileName"/>)
    /// before they become entry names.
    /// </summary>
    public static void Write(Stream output, PackageManifest manifest, Func<PackageFile, Stream> openFile, TreeHeadSigner signer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(openFile);
        ArgumentNullException.ThrowIfNull(signer);
        manifest = manifest with { Files = manifest.Files.Select(f => f with { Path = $"files/{f.Sha256}/{SafeFileName.From(f.FileName)}" }).ToList() };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, JsonOptions);
        var exportedAt = CustodyEntry.ParseTime(manifest.ExportedAt);
        var dataObjects = new List<(string Uri, string MimeType, byte[] Sha256)> { (ManifestName, "application/json", SHA256.HashData(manifestBytes)) };
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            WriteEntry(zip, MimeTypeName, Encoding.ASCII.GetBytes(MediaType), CompressionLevel.NoCompression);
            WriteEntry(zip, ManifestName, manifestBytes, CompressionLevel.Optimal);
            foreach (var file in manifest.Files)
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using (var target = zip.CreateEntry(file.Path, CompressionLevel.Optimal).Open())
                using (var source = openFile(file))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        target.Write(buffer, 0, read);
                    }
                }
                var digest = hash.GetHashAndReset();
                if (Convert.ToHexStringLower(digest) != file.Sha256)
                    throw new InvalidDataException($"stored evidence {file.EvidenceId} ({file.FileName}) no longer hashes to {file.Sha256}: not exported");
                dataObjects.Add((file.Path, "application/octet-stream", digest));
            }
            var asicManifest = AsicManifest.Write(SignatureName, dataObjects);
            WriteEntry(zip, AsicManifestName, asicManifest, CompressionLevel.Optimal);
            using var certificate = signer.CreateCertificate(manifest.Case.OwningAgency, exportedAt.AddMinutes(-5), exportedAt.AddYears(30));
            WriteEntry(zip, SignatureName, CadesSignature.Sign(asicManifest, certificate, exportedAt), CompressionLevel.Optimal);
        }
    }

    /// <summary>
    /// Checks the package read from <paramref name="zipStream"/> (seekable). With
    /// <paramref name="trustedPublicKeyPem"/> the package must be signed by that key and the result is
    /// <see cref="PackageVerification.KeyPinned"/>; without it the result says the key was not pinned.
    /// </summary>
    public static PackageVerification Verify(Stream zipStream, string? trustedPublicKeyPem = null, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(zipStream);
        var checks = new List<string>();
        var problems = new List<string>();
        try
        {
            using var archive = PackageArchive.Open(zipStream, limits ?? PackageLimits.Default);
            return PackageVerifier.Verify(archive, trustedPublicKeyPem, checks, problems);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or CryptographicException or ArgumentException or FormatException or NotSupportedException)
        {
            problems.Add($"package is damaged or unsafe: {ex.Message}");
            return new PackageVerification(null, null, 0, 0, 0, checks, problems);
        }
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(content);
    }
}
