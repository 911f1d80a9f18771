using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Tracing.Tests.Ethereum;

/// <summary>Builds a small index from hand-written ETH transfers, one block per transfer (block n at time 1000 + n).</summary>
public sealed class SyntheticChain : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cairn-eth-trace-" + Guid.NewGuid().ToString("N"));

    public static string Address(int n) => "0x" + n.ToString("x40", CultureInfo.InvariantCulture);

    public EthereumIndex Build(params (int From, int To, long Value)[] transfers)
    {
        using (var writer = EthereumIndexWriter.Open(Directory))
        {
            for (var n = 0; n < transfers.Length; n++)
            {
                var (from, to, value) = transfers[n];
                var hash = "0x" + (n + 1).ToString("x64", CultureInfo.InvariantCulture);
                var tx = new EthTransaction(hash, n, 0, Address(from), Address(to), value, n, 21000, 1, "0x", 2);
                var block = new EthBlock(n, "0x" + (n + 1000).ToString("x64", CultureInfo.InvariantCulture), "0x" + (n + 999).ToString("x64", CultureInfo.InvariantCulture), 1000 + n, Address(0), 21000, [tx]);
                var receipt = new EthReceipt(hash, 0, n, block.Hash, true, 21000, 21000, null, null, []);
                writer.Append(new EthBlockBundle(block, [receipt], [new ValueTransfer(TransferKind.Native, Address(from), Address(to), null, new BigInteger(value), null, hash, n, 0)]));
            }
            writer.RebuildAdjacency();
        }
        return EthereumIndex.Open(Directory);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
