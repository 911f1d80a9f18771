using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Tracing.Tests.Ethereum;

/// <summary>
/// The Ethereum index's transaction hash index (txs.byhash.*, owned with the tracer): lookups
/// through it, through the tail written after it, and after a reorganisation made it stale.
/// (Kept here because the Ethereum index has no test project of its own for this owner.)
/// </summary>
public sealed class EthTxHashIndexTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cairn-eth-txhash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static string Hash(int n, int salt = 0) => "0x" + ((n * 7919L) + salt * 1_000_003L).ToString("x64", CultureInfo.InvariantCulture);

    private static void Append(EthereumIndexWriter writer, int number, int salt = 0)
    {
        var hash = Hash(number, salt);
        var from = SyntheticChain.Address(1);
        var to = SyntheticChain.Address(2 + number);
        var tx = new EthTransaction(hash, number, 0, from, to, 5, number, 21000, 1, "0x", 2);
        var block = new EthBlock(number, "0x" + (number + 5000 + salt * 100).ToString("x64", CultureInfo.InvariantCulture), number == 0 ? "0x" + new string('0', 64) : "0x" + (number + 4999 + salt * 100).ToString("x64", CultureInfo.InvariantCulture), 1000 + number, from, 21000, [tx]);
        var receipt = new EthReceipt(hash, 0, number, block.Hash, true, 21000, 21000, null, null, []);
        writer.Append(new EthBlockBundle(block, [receipt], [new ValueTransfer(TransferKind.Native, from, to, null, new BigInteger(5), null, hash, number, 0)]));
    }

    [Fact]
    public void FindTransaction_CoveredTailAndAfterAReorganisation_FindsEachById()
    {
        using (var writer = EthereumIndexWriter.Open(_directory))
        {
            for (var n = 0; n < 40; n++) Append(writer, n);
            writer.RebuildAdjacency();
            for (var n = 40; n < 45; n++) Append(writer, n); // committed after the hash index: the tail
            writer.Commit();
        }
        Assert.True(File.Exists(Path.Combine(_directory, "txs.byhash.bin")));
        using (var index = EthereumIndex.Open(_directory))
            for (var n = 0; n < 45; n++) Assert.Equal(n, index.FindTransaction(Hash(n)).Id);

        using (var writer = EthereumIndexWriter.Open(_directory))
        {
            writer.RollbackTo(29); // blocks 30.. replaced: the hash index's last block (39) is gone
            for (var n = 30; n < 35; n++) Append(writer, n, salt: 1);
            writer.Commit();
        }
        using (var index = EthereumIndex.Open(_directory))
        {
            Assert.Equal(31, index.FindTransaction(Hash(31, salt: 1)).Id);
            Assert.Equal(12, index.FindTransaction(Hash(12)).Id);
            Assert.Throws<Cairn.Core.NotFoundException>(() => index.FindTransaction(Hash(31)));
        }
    }
}
