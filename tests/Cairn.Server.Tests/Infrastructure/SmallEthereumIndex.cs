using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Server.Tests.Infrastructure;

/// <summary>A four-transfer Ethereum index written with the index writer: 10 ETH from 1 to 2, split to 3 and 4, 2.5 forwarded from 3 to 5.</summary>
public static class SmallEthereumIndex
{
    public static string Address(int n) => "0x" + n.ToString("x40", CultureInfo.InvariantCulture);

    public static string TxHash(long block) => "0x" + (block + 1).ToString("x64", CultureInfo.InvariantCulture);

    private static EthBlockBundle Block(long number, int from, int to, BigInteger wei)
    {
        var hash = TxHash(number);
        var tx = new EthTransaction(hash, number, 0, Address(from), Address(to), wei, 0, 0, null, "0x", 2);
        var block = new EthBlock(number, "0x" + (number + 100).ToString("x64", CultureInfo.InvariantCulture), "0x" + (number + 99).ToString("x64", CultureInfo.InvariantCulture), 1_700_000_000 + number * 12, Address(0), 0, [tx]);
        return new EthBlockBundle(block, [new EthReceipt(hash, 0, number, block.Hash, true, 0, 0, null, null, [])],
            [new ValueTransfer(TransferKind.Native, Address(from), Address(to), null, wei, null, hash, number, 0)]);
    }

    /// <summary>Writes the index into <c>&lt;data&gt;/eth-index</c> unless it is there already.</summary>
    public static void WriteInto(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "eth-index");
        if (File.Exists(Path.Combine(directory, EthIndexHead.FileName))) return;
        using var writer = EthereumIndexWriter.Open(directory);
        // 10 ETH from the victim (1) to the thief (2), who splits it to 3 and 4; 3 forwards part to 5.
        writer.Append(Block(0, 1, 2, BigInteger.Parse("10000000000000000000", CultureInfo.InvariantCulture)));
        writer.Append(Block(1, 2, 3, BigInteger.Parse("6000000000000000000", CultureInfo.InvariantCulture)));
        writer.Append(Block(2, 2, 4, BigInteger.Parse("4000000000000000000", CultureInfo.InvariantCulture)));
        writer.Append(Block(3, 3, 5, BigInteger.Parse("2500000000000000000", CultureInfo.InvariantCulture)));
        writer.Commit();
        writer.RebuildAdjacency();
    }
}
