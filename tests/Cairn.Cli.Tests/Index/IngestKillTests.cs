using System.Diagnostics;
using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;

namespace Cairn.Cli.Tests.Index;

/// <summary>
/// Crash safety: the real `cairn btc ingest` process is killed with SIGKILL at random moments;
/// the next run repairs and resumes, and the finished index is byte-identical to one built
/// without interruption.
/// </summary>
public sealed class IngestKillTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cairn-kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Ingest_KilledAtRandomMoments_ResumesToAByteIdenticalIndex()
    {
        var blocks = Path.Combine(_root, "blocks");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 40_000, Seed = 4, OutputDirectory = blocks, TransactionsPerBlock = 100 });
        var reference = Path.Combine(_root, "reference");
        using (var writer = BitcoinIndexWriter.Open(reference, Network.RegTest))
            new BitcoinIngest(writer).FromBlockFiles(blocks);

        var data = Path.Combine(_root, "data");
        var random = new Random(20261121);
        var kills = 0;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var process = StartIngest(blocks, data);
            Thread.Sleep(random.Next(150, 1200));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }
            process.WaitForExit();
        }
        using (var final = StartIngest(blocks, data))
        {
            Assert.True(final.WaitForExit(TimeSpan.FromMinutes(3)), "final ingest did not finish");
            Assert.Equal(0, final.ExitCode);
        }
        Assert.True(kills > 0, "no run was killed mid-ingest: the test proved nothing");
        Assert.Equal(Fingerprint(reference), Fingerprint(Path.Combine(data, "btc-index")));
    }

    private static Process StartIngest(string blocks, string data)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "cairn.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "--data", data, "btc", "ingest", "--blocks", blocks, "--network", "regtest", "--commit-every-mb", "1", "--json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start)!;
    }

    private static Dictionary<string, string> Fingerprint(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles()
            .Where(f => f.Extension is ".col" or ".hidx" || f.Name == "manifest.json")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(f => f.Name, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.FullName))));
}
