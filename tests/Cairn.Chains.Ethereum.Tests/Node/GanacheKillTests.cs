using System.Diagnostics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// Crash safety: a real `cairn eth ingest` child process is killed (SIGKILL) mid-ingest; rerunning
/// it must give an index byte-identical to an uninterrupted ingest of the same chain.
/// </summary>
public sealed class GanacheKillTests : IAsyncLifetime
{
    private readonly GanacheNode _node = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cairn-eth-kill-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _node.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Ingest_KilledMidwayAndRerun_EqualsAnUninterruptedIngest()
    {
        for (var i = 0; i < 40; i++) await _node.SendAsync(_node.Accounts[i % 5], _node.Accounts[(i + 1) % 5], 1_000 + i);
        await _node.Client.CallAsync("evm_mine", [new Dictionary<string, int> { ["blocks"] = 400 }]);
        var tip = await _node.BlockNumberAsync();
        var killedData = Path.Combine(_root, "killed");

        using (var child = StartCli(killedData))
        {
            var head = Path.Combine(killedData, "eth-index", EthIndexHead.FileName);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited && (EthIndexHeadOrNull(head)?.Blocks ?? 0) < 30) await Task.Delay(10);
            Assert.False(child.HasExited, "the ingest finished before it could be killed; make the chain longer");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var atKill = EthIndexHead.Read(Path.Combine(killedData, "eth-index"))!;
        Assert.InRange(atKill.LastBlock!.Value, 29, tip - 1);

        using (var rerun = StartCli(killedData))
        {
            await rerun.WaitForExitAsync();
            Assert.Equal(0, rerun.ExitCode);
        }
        var uninterrupted = Path.Combine(_root, "uninterrupted", "eth-index");
        await ScenarioFixture.IngestAsync(_node, uninterrupted, new EthIngestOptions { BlocksPerCommit = 1 });
        Assert.Equal(IndexFiles.Digests(uninterrupted), IndexFiles.Digests(Path.Combine(killedData, "eth-index")));
    }

    private static EthIndexHead? EthIndexHeadOrNull(string headPath)
    {
        try
        {
            return File.Exists(headPath) ? EthIndexHead.Read(Path.GetDirectoryName(headPath)!) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private Process StartCli(string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "cairn.dll"), "eth", "ingest", "--rpc", _node.Endpoint.ToString(), "--data", dataDirectory, "--batch-blocks", "1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
