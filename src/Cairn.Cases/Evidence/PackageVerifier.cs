using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cairn.Cases.Custody;

namespace Cairn.Cases.Evidence;

/// <summary>
/// The checks behind <see cref="EvidencePackage.Verify"/>, in order: the container (mimetype, every
/// entry signed through the ASiC manifest and nothing else present), the CAdES signature and its
/// certificate's key (pinned or not), the data objects' SHA-256, then Cairn's own layer: the tree
/// head signature by the same key, each file against manifest.json, and each custody entry's
/// RFC 9162 inclusion proof against the signed head.
/// </summary>
internal static class PackageVerifier
{
    public static PackageVerification Verify(PackageArchive archive, string? trustedPublicKeyPem, List<string> checks, List<string> problems)
    {
        var mimetype = Encoding.ASCII.GetString(archive.ReadSmall(EvidencePackage.MimeTypeName));
        if (mimetype != EvidencePackage.MediaType) problems.Add($"mimetype is '{mimetype}', not {EvidencePackage.MediaType}");
        else checks.Add($"ASiC-E container ({EvidencePackage.MediaType}, mimetype first and stored)");

        var asicManifest = archive.ReadSmall(EvidencePackage.AsicManifestName);
        var (signatureName, dataObjects) = AsicManifest.Read(asicManifest);
        if (signatureName != EvidencePackage.SignatureName) problems.Add($"the ASiC manifest refers to signature {signatureName}, not {EvidencePackage.SignatureName}");
        using var certificate = CadesSignature.Verify(asicManifest, archive.ReadSmall(EvidencePackage.SignatureName), out var signingTime);
        checks.Add($"CAdES signature over {EvidencePackage.AsicManifestName} valid (signed {signingTime:O}, certificate {certificate.Subject})");
        using var key = TreeHeadVerifier.FromPublicKeyPem(certificate.PublicKey.GetECDsaPublicKey()?.ExportSubjectPublicKeyInfoPem()
            ?? throw new CryptographicException("the signing certificate does not hold an ECDSA key"));
        checks.Add($"signing key id {key.KeyId}");
        var pinned = false;
        if (trustedPublicKeyPem is not null)
        {
            using var trusted = TreeHeadVerifier.FromPublicKeyPem(trustedPublicKeyPem);
            if (trusted.KeyId != key.KeyId) problems.Add($"package is signed by key {key.KeyId}, not by the trusted key {trusted.KeyId}");
            else
            {
                pinned = true;
                checks.Add("signing key matches the trusted (pinned) key");
            }
        }
        else checks.Add("signing key not pinned: no trusted key was given (--key), so this proves integrity, not who signed");

        var signed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (uri, digest) in dataObjects)
        {
            if (!signed.TryAdd(uri, digest)) problems.Add($"the ASiC manifest lists {uri} twice");
            else if (!archive.Contains(uri)) problems.Add($"signed data object {uri} is missing");
            else
            {
                var (actual, size) = archive.Hash(uri);
                sizes[uri] = size;
                if (!actual.AsSpan().SequenceEqual(digest)) problems.Add($"data object {uri} does not match its signed SHA-256");
            }
        }
        foreach (var extra in archive.Names.Where(n => n != EvidencePackage.MimeTypeName && !n.StartsWith("META-INF/", StringComparison.Ordinal) && !signed.ContainsKey(n)))
            problems.Add($"unexpected file {extra} in the package (not covered by the signature)");
        foreach (var extra in archive.Names.Where(n => n.StartsWith("META-INF/", StringComparison.Ordinal) && n != EvidencePackage.AsicManifestName && n != EvidencePackage.SignatureName))
            problems.Add($"unexpected file {extra} in the package");
        if (!signed.ContainsKey(EvidencePackage.ManifestName))
        {
            problems.Add($"{EvidencePackage.ManifestName} is not signed");
            return new PackageVerification(null, key.KeyId, 0, 0, 0, checks, problems) { KeyPinned = pinned };
        }

        var manifest = JsonSerializer.Deserialize<PackageManifest>(archive.ReadSmall(EvidencePackage.ManifestName), EvidencePackage.JsonOptions)
            ?? throw new InvalidDataException("manifest.json is empty");
        if (manifest.Format != PackageManifest.FormatName) problems.Add($"unknown package format '{manifest.Format}'");
        var head = manifest.TreeHead;
        var signedHead = new SignedTreeHead(new TreeHead(head.TreeSize, head.RootHash, CustodyEntry.ParseTime(head.Timestamp)), head.KeyId, head.Signature);
        if (key.Verify(signedHead)) checks.Add($"tree head signature valid (size {head.TreeSize}, root {head.RootHash})");
        else problems.Add($"tree head (size {head.TreeSize}) signature does not verify with the signing key");

        var logEntries = 0;
        foreach (var file in manifest.Files)
        {
            if (!signed.TryGetValue(file.Path, out var digest)) problems.Add($"file {file.Path} is listed in manifest.json but not signed");
            else if (Convert.ToHexStringLower(digest) != file.Sha256) problems.Add($"file {file.Path} is signed with another SHA-256 than manifest.json records ({file.Sha256})");
            else if (sizes.TryGetValue(file.Path, out var size) && size != file.SizeBytes) problems.Add($"file {file.Path} has {size} bytes, manifest.json says {file.SizeBytes}");
            else checks.Add($"file {file.FileName}: SHA-256 {file.Sha256} ({file.SizeBytes} bytes)");
            if (!file.LogEntries.Select(e => SafeParse(e.Entry)).Any(e => e is { Action: "evidence.add" } added && added.ObjectId == file.EvidenceId && added.ContentHash == file.Sha256))
                problems.Add($"no custody entry records the addition of {file.FileName} with hash {file.Sha256}");
            logEntries += VerifyEntries(file.LogEntries, head, file.FileName, file.EvidenceId, checks, problems);
        }
        logEntries += VerifyEntries(manifest.CaseLogEntries, head, "case " + manifest.Case.Reference, null, checks, problems);
        return new PackageVerification(manifest.Case.Reference, key.KeyId, head.TreeSize, manifest.Files.Count, logEntries, checks, problems) { KeyPinned = pinned };
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
}
