using System.IO.Compression;
using System.Security.Cryptography;
using Cairn.Cases.Cases;
using Cairn.Cases.Evidence;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Evidence;
using Cairn.TestSupport;
using Cairn.TestSupport.Database;

using Cairn.Workspace.Evidence;

namespace Cairn.Storage.Tests.Evidence;

public class SqlEvidenceStoreTests
{
    private static readonly string OfacEth = SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_ETH.txt");
    private static readonly string OfacXbt = SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_XBT.txt");

    [DatabaseTheory]
    public async Task Add_StoresTheFileByItsHash_AndLogsTheAddition(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Sanctions evasion", "sanctions"));
        var store = new SqlEvidenceStore(test.Database);

        var item = await store.AddAsync(TestDatabase.Alice, "C-1", OfacEth, "document", "OFAC SDN list, ETH addresses");

        var expected = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(OfacEth)));
        Assert.Equal(expected, item.Sha256);
        Assert.Equal(await File.ReadAllBytesAsync(OfacEth), await File.ReadAllBytesAsync(store.Files.PathOf(expected)));
        var entry = Assert.Single(await new SqlCustodyLog(test.Database).GetEntriesForAsync("evidence", item.Id));
        Assert.Equal(("evidence.add", expected), (entry.Action, entry.ContentHash));
        await Assert.ThrowsAnyAsync<CairnException>(() => store.AddAsync(TestDatabase.Alice, "C-1", OfacEth, "document", "again"));
        await Assert.ThrowsAsync<NotFoundException>(() => store.AddAsync(TestDatabase.Alice, "NO-SUCH-CASE", OfacXbt, "document", "x"));
        Assert.Single(await store.ListAsync(TestDatabase.Alice, "C-1"));
    }

    [DatabaseTheory]
    public async Task Export_WritesAPackageThatVerifiesWithoutTheDatabase_AndEveryFlippedByteIsDetected(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Sanctions evasion", "sanctions"));
        var store = new SqlEvidenceStore(test.Database);
        await store.AddAsync(TestDatabase.Alice, "C-1", OfacEth, "document", "OFAC SDN list, ETH");
        await store.AddAsync(TestDatabase.Alice, "C-1", OfacXbt, "document", "OFAC SDN list, XBT");

        using var package = new MemoryStream();
        var summary = await new EvidenceService(store, new SqlCustodyLog(test.Database), test.Database, test.Time, new Cairn.Workspace.Cases.CasePrivacy(new SqlCaseStore(test.Database), test.Database)).ExportAsync(TestDatabase.Alice, "C-1", package);
        Assert.Equal(2, summary.Files);
        var bytes = package.ToArray();

        var verification = EvidencePackage.Verify(new MemoryStream(bytes), test.Database.Signer.ExportPublicKeyPem());
        Assert.True(verification.IsValid, string.Join("; ", verification.Problems));
        Assert.True(verification.KeyPinned);
        Assert.True(EvidencePackage.Verify(new MemoryStream(Rebuild(bytes, "mimetype", "application/vnd.etsi.asic-e+zip"u8.ToArray())), test.Database.Signer.ExportPublicKeyPem()).IsValid);
        Assert.Equal(2, verification.Files);
        Assert.True(verification.LogEntries >= 5);

        foreach (var (name, content) in Entries(bytes))
        {
            foreach (var position in new[] { 0, 1, content.Length / 3, content.Length / 2, content.Length - 2, content.Length - 1 }.Where(p => p >= 0 && p < content.Length).Distinct())
            {
                var altered = content.ToArray();
                altered[position] ^= 0x01;
                var result = EvidencePackage.Verify(new MemoryStream(Rebuild(bytes, name, altered)), test.Database.Signer.ExportPublicKeyPem());
                Assert.False(result.IsValid, $"flipping byte {position} of {name} went unnoticed");
            }
        }
        Assert.False(EvidencePackage.Verify(new MemoryStream(Rebuild(bytes, "files/extra.txt", [1, 2, 3]))).IsValid);
    }

    [DatabaseTheory]
    public async Task Reconcile_RemovesAFileThatNoCommittedRowReferences(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C-1", "t", "fraud"));
        var store = new SqlEvidenceStore(test.Database);
        var kept = await store.AddAsync(TestDatabase.Alice, "C-1", OfacEth, "document", "kept");
        var (orphan, _) = await store.Files.ImportAsync(OfacXbt, CancellationToken.None);

        var report = await store.ReconcileAsync(TimeSpan.Zero);

        Assert.Equal([orphan], report.OrphanFilesDeleted);
        Assert.Empty(report.MissingFiles);
        Assert.True(store.Files.Exists(kept.Sha256));
        Assert.False(store.Files.Exists(orphan));
    }

    private static List<(string Name, byte[] Content)> Entries(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (e.FullName, buffer.ToArray());
        }).ToList();
    }

    private static byte[] Rebuild(byte[] zipBytes, string replacedName, byte[] replacement)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entries = Entries(zipBytes);
            if (!entries.Any(e => e.Name == replacedName)) entries.Add((replacedName, replacement));
            // mimetype stays first and stored, so each altered package reaches the deeper checks.
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, name == EvidencePackage.MimeTypeName ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                stream.Write(name == replacedName ? replacement : content);
            }
        }
        return output.ToArray();
    }
}
