using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cairn.Cases.Custody;

namespace Cairn.Cases.Evidence;

/// <summary>
/// The evidence package ZIP: <c>manifest.json</c>, <c>manifest.sig</c> (ECDSA P-256 over the
/// manifest's exact bytes), <c>public-key.pem</c> and <c>files/…</c>. Everything needed to check it is
/// inside, so <see cref="Verify"/> needs no database: file hashes, the signed tree head, each
/// custody entry's RFC 9162 inclusion proof against that head, and the manifest signature.
/// </summary>
public static class EvidencePackage
{
    public const string ManifestName = "manifest.json";
    public const string SignatureName = "manifest.sig";
    public const string PublicKeyName = "public-key.pem";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Writes the package; <paramref name="openFile"/> opens the stored content of each listed file.</summary>
    public static void Write(Stream output, PackageManifest manifest, Func<PackageFile, Stream> openFile, TreeHeadSigner signer)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(openFile);
        ArgumentNullException.ThrowIfNull(signer);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, JsonOptions);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, ManifestName, manifestBytes);
        WriteEntry(zip, SignatureName, Encoding.ASCII.GetBytes(signer.SignData(manifestBytes) + "\n"));
        WriteEntry(zip, PublicKeyName, Encoding.ASCII.GetBytes(signer.ExportPublicKeyPem() + "\n"));
        foreach (var file in manifest.Files)
        {
            var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
            using var target = entry.Open();
            using var source = openFile(file);
            source.CopyTo(target);
        }
    }

    /// <summary>Checks the package read from <paramref name="zipStream"/>; when <paramref name="trustedPublicKeyPem"/> is given, the package must be signed by that key.</summary>
    public static PackageVerification Verify(Stream zipStream, string? trustedPublicKeyPem = null)
    {
        var checks = new List<string>();
        var problems = new List<string>();
        try
        {
            using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
            return VerifyArchive(zip, trustedPublicKeyPem, checks, problems);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or CryptographicException or ArgumentException or FormatException or NotSupportedException)
        {
            problems.Add($"package is damaged: {ex.Message}");
            return new PackageVerification(null, null, 0, 0, 0, checks, problems);
        }
    }

    private static PackageVerification VerifyArchive(ZipArchive zip, string? trustedPublicKeyPem, List<string> checks, List<string> problems)
    {
        var manifestBytes = Read(zip, ManifestName);
        var signature = Encoding.ASCII.GetString(Read(zip, SignatureName));
        var publicKeyPem = Encoding.ASCII.GetString(Read(zip, PublicKeyName));
        var manifest = JsonSerializer.Deserialize<PackageManifest>(manifestBytes, JsonOptions)
            ?? throw new InvalidDataException("manifest.json is empty");
        if (manifest.Format != PackageManifest.FormatName) problems.Add($"unknown package format '{manifest.Format}'");

        using var key = TreeHeadVerifier.FromPublicKeyPem(publicKeyPem);
        checks.Add($"public key id {key.KeyId}");
        // Both small files must be byte-for-byte in canonical form, so no byte of them can change unnoticed
        // (PEM and base64 decoders would otherwise skip stray whitespace).
        if (publicKeyPem != key.ExportPublicKeyPem() + "\n") problems.Add("public-key.pem is not in canonical PEM form (altered)");
        if (!IsCanonicalSignature(signature)) problems.Add("manifest.sig is not a single base64 line (altered)");
        if (trustedPublicKeyPem is not null)
        {
            using var trusted = TreeHeadVerifier.FromPublicKeyPem(trustedPublicKeyPem);
            if (trusted.KeyId != key.KeyId) problems.Add($"package is signed by key {key.KeyId}, not by the trusted key {trusted.KeyId}");
            else checks.Add("public key matches the trusted key");
        }
        if (key.VerifyData(manifestBytes, signature)) checks.Add("manifest signature valid");
        else problems.Add("manifest.json does not match its signature manifest.sig");

        var head = manifest.TreeHead;
        var signedHead = new SignedTreeHead(new TreeHead(head.TreeSize, head.RootHash, CustodyEntry.ParseTime(head.Timestamp)), head.KeyId, head.Signature, head.TimestampToken);
        if (key.Verify(signedHead)) checks.Add($"tree head signature valid (size {head.TreeSize}, root {head.RootHash})");
        else problems.Add($"tree head (size {head.TreeSize}) signature does not verify with the package's public key");
        if (head.TimestampToken is not null)
        {
            var stamped = TimestampTokens.MatchesData(head.TimestampToken, signedHead.Head.SignedBytes());
            if (stamped is { } time) checks.Add($"RFC 3161 timestamp over the tree head: {time:O}");
            else problems.Add("the RFC 3161 timestamp token does not cover this tree head");
        }

        var expectedPaths = new HashSet<string>(StringComparer.Ordinal) { ManifestName, SignatureName, PublicKeyName };
        var logEntries = 0;
        foreach (var file in manifest.Files)
        {
            expectedPaths.Add(file.Path);
            var entry = zip.GetEntry(file.Path);
            if (entry is null)
            {
                problems.Add($"file {file.Path} is missing");
                continue;
            }
            var content = ReadEntry(entry);
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            if (hash != file.Sha256 || content.LongLength != file.SizeBytes) problems.Add($"file {file.Path} does not match its SHA-256 {file.Sha256}");
            else checks.Add($"file {file.FileName}: SHA-256 {hash} ({content.Length} bytes)");
            if (!file.LogEntries.Select(e => SafeParse(e.Entry)).Any(e => e is { Action: "evidence.add" } added && added.ObjectId == file.EvidenceId && added.ContentHash == file.Sha256))
                problems.Add($"no custody entry records the addition of {file.FileName} with hash {file.Sha256}");
            logEntries += VerifyEntries(file.LogEntries, head, file.FileName, file.EvidenceId, checks, problems);
        }
        logEntries += VerifyEntries(manifest.CaseLogEntries, head, "case " + manifest.Case.Reference, null, checks, problems);
        foreach (var extra in zip.Entries.Select(e => e.FullName).Where(n => !expectedPaths.Contains(n)))
            problems.Add($"unexpected file {extra} in the package");
        return new PackageVerification(manifest.Case.Reference, key.KeyId, head.TreeSize, manifest.Files.Count, logEntries, checks, problems);
    }

    private static int VerifyEntries(IReadOnlyList<PackageLogEntry> entries, PackageTreeHead head, string about, string? objectId, List<string> checks, List<string> problems)
    {
        var verified = 0;
        foreach (var logged in entries)
        {
            var entry = SafeParse(logged.Entry);
            var leaf = MerkleTree.LeafHash(Encoding.UTF8.GetBytes(logged.Entry));
            var proof = new InclusionProof(logged.LeafIndex, head.TreeSize, logged.InclusionProof);
            if (entry is null || entry.Sequence != logged.LeafIndex || (objectId is not null && entry.ObjectId != objectId))
                problems.Add($"custody entry {logged.LeafIndex} about {about} is malformed or about another object");
            else if (!proof.Verify(leaf, head.RootHash))
                problems.Add($"custody entry {logged.LeafIndex} about {about} is not in the signed log (inclusion proof fails)");
            else
            {
                checks.Add($"custody entry {entry.Sequence} ({entry.Action} by {entry.User}@{entry.Agency} at {entry.RecordedAtText}) included in the signed log");
                verified++;
            }
        }
        return verified;
    }

    private static bool IsCanonicalSignature(string text)
    {
        if (!text.EndsWith('\n') || text.Length < 2) return false;
        try
        {
            var body = text[..^1];
            return Convert.ToBase64String(Convert.FromBase64String(body)) == body;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static CustodyEntry? SafeParse(string json)
    {
        try
        {
            var entry = CustodyEntry.FromCanonicalJson(json);
            // The canonical bytes must be exactly what was hashed; a re-formatted entry is not the logged one.
            return Encoding.UTF8.GetString(entry.CanonicalBytes()) == json ? entry : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] Read(ZipArchive zip, string name) =>
        ReadEntry(zip.GetEntry(name) ?? throw new InvalidDataException($"{name} is missing"));

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }
}
