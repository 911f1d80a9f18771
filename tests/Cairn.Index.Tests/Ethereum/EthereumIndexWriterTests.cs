using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Index.Tests.Ethereum;

public sealed class EthereumIndexWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cairn-eth-index-" + Guid.NewGuid().ToString("N"));
    private const string Token = "0x00000000000000000000000000000000000000ff";

    private static string Address(int n) => "0x" + n.ToString("x40", CultureInfo.InvariantCulture);

    private static EthBlockBundle Block(long number, params ValueTransfer[] transfers)
    {
        var hash = "0x" + (number + 1).ToString("x64", CultureInfo.InvariantCulture);
        var tx = new EthTransaction(hash, number, 0, Address(1), Address(2), 0, 0, 0, null, "0x", 2);
        var block = new EthBlock(number, hash, "0x" + number.ToString("x64", CultureInfo.InvariantCulture), 1000 + number, Address(0), 0, [tx]);
        return new EthBlockBundle(block, [new EthReceipt(hash, 0, number, hash, true, 0, 0, null, null, [])],
            transfers.Select(t => t with { TransactionHash = hash, BlockNumber = number }).ToList());
    }

    private static ValueTransfer Eth(int from, int to, BigInteger value) => new(TransferKind.Native, Address(from), Address(to), null, value, null, "", 0, 0);

    [Fact]
    public void Values_WiderThan128Bits_AndNftIds_RoundTripExactly()
    {
        var huge = BigInteger.Pow(2, 255) + 12345;
        using (var writer = EthereumIndexWriter.Open(_directory))
        {
            writer.Append(Block(0,
                new ValueTransfer(TransferKind.Erc20, Address(1), Address(2), Token, huge, null, "", 0, 3),
                new ValueTransfer(TransferKind.Erc721, Address(2), Address(3), Token, 1, huge - 1, "", 0, 4),
                Eth(3, 1, (BigInteger)UInt128.MaxValue - 1)));
            writer.RebuildAdjacency();
        }
        using var index = EthereumIndex.Open(_directory);
        Assert.Equal(huge, index.Transfer(0).Value);
        Assert.Null(index.NarrowValue(0));
        Assert.Equal(huge - 1, index.NftTokenId(1));
        Assert.Equal((BigInteger)UInt128.MaxValue - 1, index.Transfer(2).Value);
        Assert.Equal([0L], index.OutgoingRows(index.AddressId(Address(1))));
        Assert.Equal([2L], index.IncomingRows(index.AddressId(Address(1))));
    }

    [Fact]
    public void Open_AfterAppendsWithoutCommit_DiscardsThem()
    {
        using (var writer = EthereumIndexWriter.Open(_directory))
        {
            writer.Append(Block(0, Eth(1, 2, 10)));
            writer.Commit();
            writer.Append(Block(1, Eth(2, 3, 5)));
        }
        using (var writer = EthereumIndexWriter.Open(_directory))
        {
            Assert.Equal(1, writer.Head.Blocks);
            Assert.Equal(0, writer.Head.LastBlock);
            Assert.Equal(2, writer.Head.Addresses);
        }
        Assert.Equal(1 * 72, new FileInfo(Path.Combine(_directory, "blocks.bin")).Length);
    }

    [Fact]
    public void RollbackTo_RemovesLaterBlocksAndEverythingTheyAdded()
    {
        using (var writer = EthereumIndexWriter.Open(_directory))
        {
            writer.Append(Block(0, Eth(1, 2, 10)));
            writer.Append(Block(1, Eth(2, 3, 5), new ValueTransfer(TransferKind.Erc20, Address(3), Address(4), Token, 7, null, "", 0, 0)));
            writer.RebuildAdjacency();
            writer.RollbackTo(0);
            Assert.Equal(1, writer.Head.Transfers);
            Assert.False(writer.HasToken(Token));
        }
        using var index = EthereumIndex.Open(_directory);
        Assert.Equal((1, 2, 0L), (index.Head.Blocks, index.AddressCount, index.AdjacencyTransfers));
        Assert.Equal([0L], index.IncomingRows(index.AddressId(Address(2))));
    }

    [Fact]
    public void Append_BlockThatDoesNotFollow_Throws()
    {
        using var writer = EthereumIndexWriter.Open(_directory);
        writer.Append(Block(5));
        Assert.Throws<Core.CairnException>(() => writer.Append(Block(7)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
