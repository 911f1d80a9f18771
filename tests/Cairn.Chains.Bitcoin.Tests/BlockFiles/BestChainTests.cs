using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.BlockFiles;

public class BestChainTests
{
    private static readonly List<(BlockHeader Header, BlockLocation Location)> RealHeaders =
        new BlockFileReader(SharedData.PathOf("nbitcoin", "blocks"), Network.Main).ReadAll()
            .Select(r => (BlockHeader.Parse(r.RawBlock.Span), new BlockLocation(r.FileIndex, r.Offset)))
            .ToList();

    [Fact]
    public void Select_ShuffledRealBlocks_RestoresChainOrderAndLocations()
    {
        var shuffled = RealHeaders.ToList();
        new Random(20090103).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        Assert.NotEqual(RealHeaders[0].Header.Hash, shuffled[0].Header.Hash);

        var chain = BestChain.Select(shuffled, Network.Main);

        Assert.Equal(600, chain.Count);
        for (var height = 0; height < chain.Count; height++)
        {
            Assert.Equal(height, chain[height].Height);
            Assert.Equal(RealHeaders[height].Header.Hash, chain[height].Hash);
            Assert.Equal(RealHeaders[height].Location, chain[height].Location);
        }
    }

    [Fact]
    public void Select_StaleForkWithLessWork_IsLeftOut()
    {
        var main = RealHeaders.Take(10).ToList();
        // A stale two-block branch off height 5, with the same difficulty: less total work than heights 6..9.
        var stale = Extend(main[5].Header, 2, nonceSeed: 1000);
        var chain = BestChain.Select([.. main, .. stale], Network.Main);
        Assert.Equal(main.Select(m => m.Header.Hash), chain.Select(c => c.Hash));
    }

    [Fact]
    public void Select_LongerForkSeenLater_Wins()
    {
        var main = RealHeaders.Take(10).ToList();
        var fork = Extend(main[5].Header, 6, nonceSeed: 2000); // reaches height 11
        var chain = BestChain.Select([.. fork, .. main], Network.Main);
        Assert.Equal(12, chain.Count);
        Assert.Equal(main[5].Header.Hash, chain[5].Hash);
        Assert.Equal(fork.Select(f => f.Header.Hash), chain.Skip(6).Select(c => c.Hash));
    }

    [Fact]
    public void Select_EqualWorkTips_KeepsTheOneSeenFirst()
    {
        var main = RealHeaders.Take(10).ToList();
        var rival = Extend(main[8].Header, 1, nonceSeed: 3000); // a second block at height 9
        var first = BestChain.Select([.. main, .. rival], Network.Main);
        var second = BestChain.Select([.. rival, .. main], Network.Main);
        Assert.Equal(main[9].Header.Hash, first[^1].Hash);
        Assert.Equal(rival[0].Header.Hash, second[^1].Hash);
    }

    [Fact]
    public void Select_HarderForkWithFewerBlocks_WinsOnWork()
    {
        var main = RealHeaders.Take(10).ToList();
        // One block at a 256× smaller target outweighs the four easy blocks at heights 6..9.
        var heavy = Extend(main[5].Header, 1, nonceSeed: 4000, bits: 0x1c00ffff);
        var chain = BestChain.Select([.. main, .. heavy], Network.Main);
        Assert.Equal(7, chain.Count);
        Assert.Equal(heavy[0].Header.Hash, chain[^1].Hash);
    }

    [Fact]
    public void Select_OrphansAndDuplicates_AreIgnored()
    {
        var main = RealHeaders.Take(10).ToList();
        var orphan = Extend(new BlockHeader(1, Hash256.Parse(new string('a', 64)), Hash256.Zero, 0, 0x1d00ffff, 0), 3, nonceSeed: 5000);
        var chain = BestChain.Select([.. main, .. orphan, .. main], Network.Main);
        Assert.Equal(10, chain.Count);
    }

    [Fact]
    public void Select_WithoutGenesis_ThrowsNamingIt()
    {
        var ex = Assert.Throws<CairnException>(() => BestChain.Select(RealHeaders.Skip(1), Network.Main));
        Assert.Contains($"genesis block {Network.Main.GenesisHash} not found among 599 blocks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_OfDifficulty1_Is2To32Plus2To16PlusOne()
    {
        // Bitcoin Core: GetBlockProof for nBits 0x1d00ffff is 0x100010001.
        Assert.Equal(new System.Numerics.BigInteger(0x100010001), ProofOfWork.WorkFromBits(0x1d00ffff));
    }

    private static List<(BlockHeader Header, BlockLocation Location)> Extend(BlockHeader parent, int count, uint nonceSeed, uint bits = 0x1d00ffff)
    {
        var result = new List<(BlockHeader, BlockLocation)>();
        var previous = parent;
        for (var i = 0; i < count; i++)
        {
            var header = new BlockHeader(1, previous.Hash, Hash256.Zero, previous.Time + 600, bits, nonceSeed + (uint)i);
            result.Add((header, new BlockLocation(9, i * 1000L)));
            previous = header;
        }
        return result;
    }
}
