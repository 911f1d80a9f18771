using Cairn.Chains.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Tests.Heuristics;

public sealed class PeelChainDetectorTests
{
    private static readonly GeneratedChain Chain = GeneratedChain.Instance;

    [Fact]
    public void Follow_FromThePlantedSplit_FindsExactlyThePlantedPeelChain()
    {
        var planted = Chain.Scenario.Ransomware!.PeelChainTxIds;
        Assert.True(Chain.Index.TryFindTransaction(Hash256.Parse(planted[0]), out var start));

        var chain = PeelChainDetector.Follow(Chain.Index, start);

        Assert.Equal(planted, chain.TxIds);
        Assert.Equal("swept", chain.EndReason);
        Assert.True(chain.IsPeelChain);
        var deposits = Chain.Scenario.Ransomware.Deposits.Where(d => planted.Contains(d.TxId)).ToList();
        // The split's peel goes to the CoinJoin branch; then five deposits are peeled and the sixth sweeps what is left.
        Assert.Equal(deposits.SkipLast(1).Select(d => d.AmountSat), chain.Steps.Where(s => s.PeeledOutput is not null).Skip(1).Select(s => s.PeeledSat));
        Assert.Equal(deposits[^1].AmountSat, chain.Steps[^1].ChangeSat);
        Assert.All(chain.Steps.Where(s => s.PeeledOutput is not null), s => Assert.Contains("power_of_ten_payment", s.Rule));
    }

    [Fact]
    public void Follow_FromAnUnspentSingleHop_IsNotAPeelChain()
    {
        var ransomTx = Chain.Scenario.Ransomware!.RansomTxId;
        Assert.True(Chain.Index.TryFindTransaction(Hash256.Parse(ransomTx), out var tx));

        var chain = PeelChainDetector.Follow(Chain.Index, tx, maxHops: 1);

        Assert.False(chain.IsPeelChain);
        Assert.Single(chain.TxIds);
    }

    [Fact]
    public void MayStartPeelChain_RejectsOnlyStartsThatFollowFindsNoPeelChainFrom()
    {
        var index = Chain.Index;
        int rejected = 0, chains = 0;
        for (uint tx = 1; tx < index.TransactionCount; tx += 3)
        {
            if (PeelChainDetector.MayStartPeelChain(index, tx))
            {
                if (PeelChainDetector.Follow(index, tx).IsPeelChain) chains++;
                continue;
            }
            rejected++;
            Assert.False(PeelChainDetector.Follow(index, tx).IsPeelChain, $"tx {tx}");
        }
        Assert.True(rejected > chains && chains > 0, $"{rejected} rejected, {chains} chains");
        Assert.True(Chain.Index.TryFindTransaction(Hash256.Parse(Chain.Scenario.Ransomware!.PeelChainTxIds[0]), out var planted));
        Assert.True(PeelChainDetector.MayStartPeelChain(index, planted));
    }
}
