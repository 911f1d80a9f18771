using Cairn.Tracing.Paths;

namespace Cairn.Tracing.Tests.Paths;

public sealed class PathFinderTests
{
    [Fact]
    public void Find_RansomToFirstPeelDeposit_FollowsThePeelChain()
    {
        var chain = GeneratedChain.Instance;
        var ransomware = chain.Scenario.Ransomware!;
        var deposit = ransomware.Deposits[1];
        var result = new PathFinder(chain.Index).Find(ransomware.RansomAddress, deposit.Address, maxHops: 6);
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths, p => Assert.StartsWith(ransomware.RansomTxId, p.Outputs[0], StringComparison.Ordinal));
        Assert.Contains(result.Paths, p => p.Outputs[^1].StartsWith(deposit.TxId, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_TargetBeyondTheBound_ReturnsNoPath()
    {
        var chain = GeneratedChain.Instance;
        var ransomware = chain.Scenario.Ransomware!;
        var last = ransomware.Deposits[^1];
        var result = new PathFinder(chain.Index).Find(ransomware.RansomAddress, last.Address, maxHops: 1);
        Assert.Empty(result.Paths);
    }
}
