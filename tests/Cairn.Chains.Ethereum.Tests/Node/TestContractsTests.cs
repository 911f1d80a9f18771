using Cairn.TestSupport.Node;
using System.Diagnostics;
using Cairn.TestSupport;

namespace Cairn.Chains.Ethereum.Tests.Node;

public class TestContractsTests
{
    [NodeFact("solc")]
    public async Task CompiledArtifacts_RecompiledWithThePinnedSolc_AreIdentical()
    {
        var directory = Path.Combine(SharedData.RepositoryRoot, "test-contracts");
        var start = new ProcessStartInfo("node") { ArgumentList = { Path.Combine(directory, "compile.js") }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(directory, "CairnTestContracts.json")), await output);
    }
}
