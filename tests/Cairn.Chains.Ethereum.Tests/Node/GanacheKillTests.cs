using Cairn.TestSupport.Node;
using System.Diagnostics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// Crash safety: a real `cairn eth ingest` child process is killed (SIGKILL) mid-ingest; rerunning
/// it must give an index byte-identical to an uninterrupted ingest of the same chain.
/// </summary>
public sealed class GanacheKillTests() : GanacheTest("cairn-eth-kill-")
{
    [NodeFact("ganache")]
    public async Task Ingest_KilledMidwayAndRerun_EqualsAnUninterruptedIngest()
    {
        for (var i = 0; i < 40; i++) await Node.SendAsync(Node.Accounts[i % 5], Node.Accounts[(i + 1) % 5], 1_000 + i);
        await Node.Client.CallAsync("evm_mine", [new Dictionary<string, int> { ["blocks"] = 400 }]);
        var tip = await Node.BlockNumberAsync();
        var killedData = Path.Combine(Root, "killed");

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
        var uninterrupted = Path.Combine(Root, "uninterrupted", "eth-index");
        await ScenarioFixture.IngestAsync(Node, uninterrupted, new EthIngestOptions { BlocksPerCommit = 1 });
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
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "cairn.dll"), "eth", "ingest", "--rpc", Node.Endpoint.ToString(), "--data", dataDirectory, "--batch-blocks", "1" },
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
