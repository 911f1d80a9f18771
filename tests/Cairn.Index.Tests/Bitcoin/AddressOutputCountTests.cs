using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// addr_output_count.col holds one byte a count, saturating at 255 (docs/chain-index.md, format 3): the count an index
/// answers must still be exact above that, and a rollback across the saturation must leave the bytes of a fresh build.
/// </summary>
public sealed class AddressOutputCountTests : IDisposable
{
    private const int Payments = 300;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every block pays the same P2WPKH address, except every tenth, which pays an address of its own.</summary>
    private static List<ScannedBlock> Chain() =>
        CoinbaseChain.Build([.. Enumerable.Repeat(50_0000_0000L, Payments)],
            height => [0x00, 0x14, .. Enumerable.Repeat(height % 10 == 9 ? (byte)(height / 10 + 1) : (byte)0, 20)]);

    [Fact]
    public void OutputCountOfAddress_IsExact_AboveWhatTheOneByteColumnHolds()
    {
        var directory = CoinbaseChain.Index(Path.Combine(_temp.Path, "index"), Chain());
        using var index = BitcoinIndex.OpenRead(directory);
        var reused = index.AddressOf(0);
        Assert.Equal(270u, index.OutputCountOfAddress(reused));
        Assert.Equal(270, index.OutputsOfAddress(reused).Count());
        Assert.Equal(1u, index.OutputCountOfAddress(index.AddressOf(9)));
    }

    [Theory]
    [InlineData(290)]
    [InlineData(100)]
    public void RollbackTo_BelowOrAboveTheSaturatedCount_EndsIdenticalToAFreshBuild(int height)
    {
        var blocks = Chain();
        var directory = CoinbaseChain.Index(Path.Combine(_temp.Path, "index"), blocks);
        using (var writer = BitcoinIndexWriter.Open(directory, Network.RegTest))
        {
            writer.RollbackTo(height);
            writer.Commit();
        }
        var fresh = CoinbaseChain.Index(Path.Combine(_temp.Path, "fresh"), blocks.Take(height));
        Assert.Equal(IndexFiles.Fingerprint(fresh), IndexFiles.Fingerprint(directory));
        using var index = BitcoinIndex.OpenRead(directory);
        Assert.Equal((uint)(height - height / 10), index.OutputCountOfAddress(index.AddressOf(0)));
    }
}
