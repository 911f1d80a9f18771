using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Index.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// The per-row costs a projection of the index to another chain's shape multiplies (docs/benchmarks.md, "Index size on
/// the real chain's shape"): measured from the files, they must give back the index's own size on its own rows and
/// account for every file.
/// </summary>
public sealed class IndexRowCostsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string BuildIndex()
    {
        var blocks = _temp.Sub("blocks");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 3000, Seed = 13, OutputDirectory = blocks, TransactionsPerBlock = 50 });
        var directory = Path.Combine(_temp.Path, "index");
        using var writer = BitcoinIndexWriter.Open(directory, Network.RegTest);
        new BitcoinIngest(writer).FromBlockFiles(blocks);
        return directory;
    }

    [Fact]
    public void BytesFor_TheIndexsOwnRows_GivesBackItsSize()
    {
        using var index = BitcoinIndex.OpenRead(BuildIndex());
        var costs = IndexRowCosts.Measure(index);
        var rows = IndexRowCosts.RowsOf(index);

        Assert.Equal(index.SizeInBytes(), costs.BytesFor(rows), precision: 3);
        Assert.Equal((double)index.SizeInBytes() / (index.InputCount + index.OutputCount), costs.BytesPerInputOutput(rows), precision: 9);
        Assert.True(rows.AddressTails > 0, "the generated chain pays P2WSH or P2TR outputs, so the tail rows are measured too");
    }

    [Fact]
    public void Measure_SharesEachFileAmongItsOwnKindOfRow()
    {
        var directory = BuildIndex();
        using var index = BitcoinIndex.OpenRead(directory);
        var costs = IndexRowCosts.Measure(index);
        var largeValueBytes = new FileInfo(Path.Combine(directory, "out_value_large.col")).Length;

        // Fixed row widths of docs/chain-index.md: an input is one 4-byte column; an output 5 + 4 + 1 + 4 + 4 bytes plus
        // a 12-byte row for each value that does not fit in 40 bits; a tail row 16 bytes; a block 32 + 4 + 4 + 4.
        Assert.Equal(4, costs.PerInput, precision: 9);
        Assert.Equal(18 * index.OutputCount + largeValueBytes, costs.PerOutput * index.OutputCount, precision: 3);
        Assert.Equal(16, costs.PerAddressTail, precision: 9);
        Assert.Equal(44, costs.PerBlock, precision: 9);
        // A transaction's 49 bytes of columns and its share of txid.hidx (4-byte slots at a load of at most 0.8).
        Assert.InRange(costs.PerTransaction, 49 + 4 / 0.8, 49 + 4 / 0.3);
        // An address's 21-byte key, 4-byte list head, 1-byte count and its share of address.hidx.
        Assert.InRange(costs.PerAddress, 26 + 4 / 0.8, 26 + 4 / 0.3);
    }

    [Fact]
    public void Measure_RefusesAFileItCannotAttribute_NamingIt()
    {
        var directory = BuildIndex();
        File.WriteAllBytes(Path.Combine(directory, "mystery.col"), new byte[64]);
        using var index = BitcoinIndex.OpenRead(directory);

        var error = Assert.Throws<InvalidDataException>(() => IndexRowCosts.Measure(index));
        Assert.Contains("mystery.col", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("block_first_address.col", ChainRowKind.Block)]
    [InlineData("tx_flags.col", ChainRowKind.Transaction)]
    [InlineData("txid.hidx", ChainRowKind.Transaction)]
    [InlineData("in_spent_output.col", ChainRowKind.Input)]
    [InlineData("out_value_large.col", ChainRowKind.Output)]
    [InlineData("addr_output_count.col", ChainRowKind.Address)]
    [InlineData("address.hidx", ChainRowKind.Address)]
    [InlineData("addr_key_tail.col", ChainRowKind.AddressTail)]
    public void KindOf_FilesOfTheLayout(string file, ChainRowKind kind) => Assert.Equal(kind, IndexRowCosts.KindOf(file));
}
