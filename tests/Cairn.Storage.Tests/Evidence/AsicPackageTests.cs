using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Cases.Evidence;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Evidence;
using Cairn.TestSupport;
using Cairn.TestSupport.Database;
using Cairn.TestSupport.Tools;
using Cairn.Workspace.Evidence;

namespace Cairn.Storage.Tests.Evidence;

/// <summary>The evidence package as an ASiC-E container: checked by openssl and sha256sum alone, and defended against hostile archives.</summary>
public class AsicPackageTests
{
    private static readonly string OfacXbt = SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_XBT.txt");

    private static async Task<(byte[] Package, string KeyPem)> ExportAsync(string fileName = "sanctioned_addresses_XBT.txt")
    {
        await using var test = await TestDatabase.CreateAsync(SqlDialect.Sqlite);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Sanctions evasion", "sanctions"));
        var store = new SqlEvidenceStore(test.Database);
        var folder = Directory.CreateTempSubdirectory("cairn-asic-");
        try
        {
            var source = Path.Combine(folder.FullName, fileName);
            File.Copy(OfacXbt, source);
            await store.AddAsync(TestDatabase.Alice, "C-1", source, "document", "OFAC SDN list, XBT");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        using var package = new MemoryStream();
        await new EvidenceService(store, new SqlCustodyLog(test.Database), test.Database, test.Time, new Cairn.Workspace.Cases.CasePrivacy(new SqlCaseStore(test.Database), test.Database)).ExportAsync(TestDatabase.Alice, "C-1", package);
        return (package.ToArray(), test.Database.Signer.ExportPublicKeyPem());
    }

    [ToolFact("openssl", "sha256sum")]
    public async Task APackage_VerifiesWithOpensslCms_AndSha256sum_WithoutCairn()
    {
        var (package, _) = await ExportAsync();
        var folder = Directory.CreateTempSubdirectory("cairn-asic-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(new MemoryStream(package), folder);
            // The signer's certificate, taken from the signature itself, is the only trust anchor.
            var certificates = ExternalTool.Run("openssl", folder, "pkcs7", "-inform", "DER", "-in", "META-INF/signature.p7s", "-print_certs", "-out", "signer.pem");
            Assert.True(certificates.ExitCode == 0, certificates.Error);
            var cms = ExternalTool.Run("openssl", folder, "cms", "-verify", "-binary", "-inform", "DER", "-in", "META-INF/signature.p7s",
                "-content", "META-INF/ASiCManifest.xml", "-CAfile", "signer.pem", "-purpose", "any", "-out", "/dev/null");
            Assert.True(cms.ExitCode == 0, cms.Error);
            Assert.Contains("Verification successful", cms.Error, StringComparison.Ordinal);

            // Every data object's digest in the signed ASiC manifest, checked by sha256sum.
            XNamespace asic = "http://uri.etsi.org/02918/v1.2.1#";
            XNamespace ds = "http://www.w3.org/2000/09/xmldsig#";
            var lines = XDocument.Load(Path.Combine(folder, "META-INF", "ASiCManifest.xml")).Root!.Elements(asic + "DataObjectReference")
                .Select(r => $"{Convert.ToHexStringLower(Convert.FromBase64String(r.Element(ds + "DigestValue")!.Value))}  {r.Attribute("URI")!.Value}").ToList();
            Assert.Equal(2, lines.Count);
            File.WriteAllLines(Path.Combine(folder, "SHA256SUMS"), lines);
            var sums = ExternalTool.Run("sha256sum", folder, "--check", "--strict", "SHA256SUMS");
            Assert.True(sums.ExitCode == 0, sums.Output + sums.Error);

            // A changed manifest fails openssl.
            await File.AppendAllTextAsync(Path.Combine(folder, "META-INF", "ASiCManifest.xml"), " ");
            Assert.NotEqual(0, ExternalTool.Run("openssl", folder, "cms", "-verify", "-binary", "-inform", "DER", "-in", "META-INF/signature.p7s",
                "-content", "META-INF/ASiCManifest.xml", "-CAfile", "signer.pem", "-purpose", "any", "-out", "/dev/null").ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheContainer_StartsWithAStoredMimetype_AndSignsEveryDataObject()
    {
        var (package, key) = await ExportAsync();

        Assert.Equal("mimetype", Encoding.ASCII.GetString(package, 30, 8));
        Assert.Equal(0, BitConverter.ToUInt16(package, 8)); // stored
        Assert.Equal("application/vnd.etsi.asic-e+zip", Encoding.ASCII.GetString(package, 38, 31));
        using var zip = new ZipArchive(new MemoryStream(package));
        Assert.Equal(["mimetype", "manifest.json", "META-INF/ASiCManifest.xml", "META-INF/signature.p7s"], zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("files/", StringComparison.Ordinal)));
        Assert.True(EvidencePackage.Verify(new MemoryStream(package), key).IsValid);
    }

    [Fact]
    public async Task WithoutAPinnedKey_VerifyNeverSaysPlainValid()
    {
        var (package, key) = await ExportAsync();

        var unpinned = EvidencePackage.Verify(new MemoryStream(package));
        var pinned = EvidencePackage.Verify(new MemoryStream(package), key);
        using var otherKey = TreeHeadSigner.Create();
        var wrongKey = EvidencePackage.Verify(new MemoryStream(package), otherKey.ExportPublicKeyPem());

        Assert.True(unpinned.IsValid);
        Assert.False(unpinned.KeyPinned);
        Assert.StartsWith("package intact, key not pinned", unpinned.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("VALID", unpinned.Summary, StringComparison.Ordinal);
        Assert.StartsWith("package VALID", pinned.Summary, StringComparison.Ordinal);
        Assert.True(pinned.KeyPinned);
        Assert.False(wrongKey.IsValid);
        Assert.Contains(wrongKey.Problems, p => p.Contains("not by the trusted key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUserFileName_IsMadeSafe_BeforeItBecomesAnEntryName()
    {
        var (package, key) = await ExportAsync("..\\..\\evil\u0007name..txt");

        using var zip = new ZipArchive(new MemoryStream(package));
        var file = Assert.Single(zip.Entries, e => e.FullName.StartsWith("files/", StringComparison.Ordinal));
        Assert.EndsWith("/evil" + "name.txt", file.FullName, StringComparison.Ordinal);
        Assert.True(EvidencePackage.Verify(new MemoryStream(package), key).IsValid);
    }

    [Theory]
    [InlineData("files/../../etc/passwd")]
    [InlineData("files\\x.txt")]
    [InlineData("/abs.txt")]
    [InlineData("files/a\u0001b.txt")]
    public void AnUnsafeEntryName_IsRefused(string name)
    {
        var result = EvidencePackage.Verify(new MemoryStream(Container((name, "x"u8.ToArray()))));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("unsafe entry name", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateEntryNames_AreRefused()
    {
        var result = EvidencePackage.Verify(new MemoryStream(Container(("manifest.json", "{}"u8.ToArray()), ("manifest.json", "{}"u8.ToArray()))));

        Assert.Contains(result.Problems, p => p.Contains("duplicate entry name 'manifest.json'", StringComparison.Ordinal));
    }

    [Fact]
    public void AZipBomb_IsRefusedFromItsDeclaredSizes_BeforeAnythingIsRead()
    {
        var bomb = Container(("files/zeros.bin", new byte[4 << 20]));
        Assert.True(bomb.Length < 64 << 10); // 4 MiB of zeros compress to a few KiB

        var result = EvidencePackage.Verify(new MemoryStream(bomb), limits: new PackageLimits(1 << 20, 1 << 20, 100));

        Assert.Contains(result.Problems, p => p.Contains("refused before reading", StringComparison.Ordinal));
    }

    [Fact]
    public void AMimetypeThatIsCompressedOrNotFirst_IsRefused()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var stream = zip.CreateEntry("mimetype", CompressionLevel.Optimal).Open())
            stream.Write(Encoding.ASCII.GetBytes(EvidencePackage.MediaType));

        Assert.Contains(EvidencePackage.Verify(new MemoryStream(output.ToArray())).Problems, p => p.Contains("'mimetype' must be stored", StringComparison.Ordinal));
        Assert.Contains(EvidencePackage.Verify(new MemoryStream(Encoding.ASCII.GetBytes("not a zip at all"))).Problems, p => p.Contains("not a ZIP", StringComparison.Ordinal));
    }

    /// <summary>A container with a correct mimetype first and the given entries after it.</summary>
    private static byte[] Container(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
                mimetype.Write(Encoding.ASCII.GetBytes(EvidencePackage.MediaType));
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }
}
