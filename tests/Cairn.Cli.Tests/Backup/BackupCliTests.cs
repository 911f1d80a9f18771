using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Cases;
using Cairn.TestSupport.Schemas;
using Cairn.TestSupport.Tools;

namespace Cairn.Cli.Tests.Backup;

/// <summary>`cairn backup` and `cairn restore` (docs/operations.md) on a real installation: round trip, tampering, refusals, and the archive read by GNU tar and sha256sum.</summary>
public sealed class BackupCliTests : IDisposable
{
    private readonly TempDataDirectory _source = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("cairn-backup-").FullName;

    public void Dispose()
    {
        _source.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>A small installation: a case with a subject, one evidence file, a frozen amount, a seizure.</summary>
    private void MakeInstallation()
    {
        Run(_source, "case", "create", "--reference", "C-1", "--title", "Ransomware", "--offence", "extortion");
        Run(_source, "case", "subject", "add", "C-1", "--kind", "person", "--role", "suspect", "--name", "Jane Roe", "--identifier", "passport=X1234567");
        var file = Path.Combine(_scratch, "statement.txt");
        File.WriteAllText(file, "account statement of exchange-a");
        Run(_source, "evidence", "add", "--case", "C-1", file, "--source", "exchange-a letter 7");
        string[] ledger = ["ledger", "add", "--case", "C-1", "--chain", "btc", "--token", "BTC", "--location", "exchange-a",
            "--legal-basis", "Budapest Convention Art. 29", "--authority", "Prosecutor", "--jurisdiction", "mt"];
        Run(_source, [.. ledger, "--event", "freeze", "--amount", "250000000"]);
        Run(_source, [.. ledger, "--event", "seize", "--amount", "100000000"]);
    }

    private static CliRunner.Result Run(TempDataDirectory data, params string[] args)
    {
        var result = data.Run(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
        return result;
    }

    private static CliRunner.Result RunIn(string directory, params string[] args) => CliRunner.Run(["--data", directory, .. args]);

    [Fact]
    public void BackupThenRestoreIntoAFreshDirectory_LogEvidenceAndLedgerVerify()
    {
        MakeInstallation();
        var archive = Path.Combine(_scratch, "cairn.tar.gz");
        var written = JsonDocument.Parse(Run(_source, "backup", "--out", archive, "--json").Output).RootElement;
        Assert.True(written.GetProperty("database_included").GetBoolean());
        Assert.True(written.GetProperty("keys_included").GetBoolean());
        // The backup itself is the newest entry of the source's log.
        Assert.Contains("backup.create installation:backup", Run(_source, "log", "proof", "--seq", (CountEntries(_source.Path) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Output, StringComparison.Ordinal);

        var target = Path.Combine(_scratch, "restored");
        var restored = RunIn(target, "restore", archive);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("every SHA-256 matched", restored.Output, StringComparison.Ordinal);

        var log = RunIn(target, "log", "verify");
        Assert.True(log.ExitCode == 0, log.Output + log.Error);
        var stored = RunIn(target, "evidence", "list", "--case", "C-1", "--check");
        Assert.Contains("verified", stored.Output, StringComparison.Ordinal);
        var package = Path.Combine(_scratch, "package.zip");
        Assert.Equal(0, RunIn(target, "evidence", "export", "--case", "C-1", "--out", package).ExitCode);
        var key = Path.Combine(_scratch, "key.pem");
        File.WriteAllText(key, Run(_source, "log", "public-key").Output);
        var verified = CliRunner.Run("evidence", "verify", package, "--key", key);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Equal(
            JsonDocument.Parse(Run(_source, "ledger", "show", "--case", "C-1", "--json").Output).RootElement.GetProperty("balances").GetRawText(),
            JsonDocument.Parse(RunIn(target, "ledger", "show", "--case", "C-1", "--json").Output).RootElement.GetProperty("balances").GetRawText());
        Assert.Equal(File.ReadAllText(Path.Combine(_source.Path, "custody-key.pem")), File.ReadAllText(Path.Combine(target, "custody-key.pem")));
    }

    private static long CountEntries(string data) =>
        JsonDocument.Parse(RunIn(data, "log", "head", "--json").Output).RootElement.GetProperty("tree_size").GetInt64();

    [Fact]
    public void Restore_OfATamperedBackup_FailsWithOneLineNamingTheFile_AndWritesNothing()
    {
        MakeInstallation();
        var archive = Path.Combine(_scratch, "cairn.tar.gz");
        Run(_source, "backup", "--out", archive);
        var tampered = Path.Combine(_scratch, "tampered.tar.gz");
        var changed = Rewrite(archive, tampered, name => name.StartsWith("data/evidence/", StringComparison.Ordinal), bytes => bytes[0] ^= 1);

        var target = Path.Combine(_scratch, "restored");
        var result = RunIn(target, "restore", tampered);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains($"{changed} has SHA-256", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetDirectories(_scratch, ".restored.restoring-*"));

        var cut = Path.Combine(_scratch, "cut.tar.gz");
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var truncated = RunIn(target, "restore", cut);
        Assert.Equal(1, truncated.ExitCode);
        Assert.StartsWith("error: backup '", truncated.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void Restore_WithAnEntryTheManifestDoesNotList_OrAnUnsafeName_IsRefused()
    {
        MakeInstallation();
        var archive = Path.Combine(_scratch, "cairn.tar.gz");
        Run(_source, "backup", "--out", archive);
        foreach (var (name, expected) in new[] { ("data/extra.txt", "data/extra.txt is not listed"), ("data/../escape.txt", "unsafe or unexpected entry name 'data/../escape.txt'") })
        {
            var added = Path.Combine(_scratch, "added.tar.gz");
            File.Delete(added);
            Rewrite(archive, added, _ => false, _ => { }, extra: name);
            var result = RunIn(Path.Combine(_scratch, "restored"), "restore", added);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(_scratch, "escape.txt")));
    }

    [Fact]
    public void Restore_IntoANonEmptyDirectory_IsRefusedWithoutForce_AndWithForceKeepsTheOldContentAside()
    {
        MakeInstallation();
        var archive = Path.Combine(_scratch, "cairn.tar.gz");
        Run(_source, "backup", "--out", archive);
        var target = Path.Combine(_scratch, "occupied");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "old");

        var refused = RunIn(target, "restore", archive);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is not empty", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));

        var forced = RunIn(target, "restore", archive, "--force", "--json");
        Assert.True(forced.ExitCode == 0, forced.Error);
        var aside = JsonDocument.Parse(forced.Output).RootElement.GetProperty("previous_moved_to").GetString()!;
        Assert.Equal("old", File.ReadAllText(Path.Combine(aside, "keep.txt")));
        Assert.Equal(0, RunIn(target, "log", "verify").ExitCode);
    }

    [Fact]
    public void Backup_WithoutKeys_LeavesThePrivateKeysOut_AndExistingOutputOrMissingFolderIsRefused()
    {
        MakeInstallation();
        var archive = Path.Combine(_scratch, "nokeys.tar.gz");
        var written = JsonDocument.Parse(Run(_source, "backup", "--out", archive, "--without-keys", "--json").Output).RootElement;
        Assert.False(written.GetProperty("keys_included").GetBoolean());
        var names = EntryNames(archive);
        Assert.DoesNotContain("data/custody-key.pem", names);
        Assert.DoesNotContain("data/installation-secret", names);
        Assert.Contains("data/cairn.db", names);
        Assert.Contains(names, n => n.StartsWith("data/evidence/", StringComparison.Ordinal));

        var again = _source.Run("backup", "--out", archive);
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("error: out: file", again.Error, StringComparison.Ordinal);
        var nowhere = _source.Run("backup", "--out", Path.Combine(_scratch, "no-such-folder", "b.tar.gz"));
        Assert.Equal(1, nowhere.ExitCode);
        Assert.Contains("does not exist", nowhere.Error, StringComparison.Ordinal);
    }

    [ToolFact("tar", "sha256sum")]
    public void Archive_UnpackedByGnuTar_PassesSha256sumCheck_AndTheManifestMatchesItsSchema()
    {
        MakeInstallation();
        var archive = Path.Combine(_scratch, "cairn.tar.gz");
        Run(_source, "backup", "--out", archive);
        var unpacked = Directory.CreateDirectory(Path.Combine(_scratch, "unpacked")).FullName;
        var tar = ExternalTool.Run("tar", unpacked, "-xzf", archive);
        Assert.True(tar.ExitCode == 0, tar.Error);
        var check = ExternalTool.Run("sha256sum", unpacked, "--strict", "-c", "SHA256SUMS");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Contains("data/cairn.db: OK", check.Output, StringComparison.Ordinal);

        var errors = SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "backup-manifest.schema.json"),
            JsonNode.Parse(File.ReadAllText(Path.Combine(unpacked, "cairn-backup.json"))));
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    private static List<string> EntryNames(string archive)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry) names.Add(entry.Name);
        return names;
    }

    /// <summary>Copies <paramref name="source"/>, changing the data of the first entry <paramref name="pick"/> selects and adding an entry named <paramref name="extra"/>; returns the changed entry's name.</summary>
    private static string? Rewrite(string source, string target, Func<string, bool> pick, Action<byte[]> change, string? extra = null)
    {
        string? changed = null;
        using (var input = File.OpenRead(source))
        using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        using (var reader = new TarReader(gzip))
        using (var output = File.Create(target))
        using (var outGzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var writer = new TarWriter(outGzip, TarEntryFormat.Pax))
        {
            if (extra is not null) writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, extra) { DataStream = new MemoryStream([1, 2, 3]) });
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                var bytes = data.ToArray();
                if (changed is null && pick(entry.Name))
                {
                    change(bytes);
                    changed = entry.Name;
                }
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry.Name) { DataStream = new MemoryStream(bytes) });
            }
        }
        return changed;
    }
}
