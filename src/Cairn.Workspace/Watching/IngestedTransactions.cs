using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Bitcoin;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Watching;

namespace Cairn.Workspace.Watching;

/// <summary>Reads the transactions an ingest added back from the index, in block order, for the <see cref="IIngestObserver"/>s.</summary>
public static class IngestedTransactions
{
    /// <summary>Every transaction of blocks <paramref name="fromHeight"/> to the tip (coinbase inputs and outputs without an address left out).</summary>
    public static IReadOnlyList<ObservedTransaction> Bitcoin(BitcoinIndex index, long fromHeight)
    {
        ArgumentNullException.ThrowIfNull(index);
        var list = new List<ObservedTransaction>();
        for (var height = Math.Max(0, fromHeight); height <= index.TipHeight; height++)
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(index.BlockTimeOf((uint)height));
            var (first, end) = index.TransactionsOfBlock((uint)height);
            for (var tx = first; tx < end; tx++)
            {
                var inputs = new List<(string, BigInteger)>();
                var (firstInput, endInput) = index.InputsOf(tx);
                if (index.TransactionFlags(tx).HasFlag(TxFlags.Coinbase)) endInput = firstInput;
                for (var i = firstInput; i < endInput; i++)
                {
                    var spent = index.SpentOutputOf(i);
                    if (spent == uint.MaxValue || spent >= index.OutputCount) continue;
                    var address = index.AddressOf(spent);
                    if (address != uint.MaxValue) inputs.Add((index.AddressString(address), index.Value(spent)));
                }
                var outputs = new List<(string, BigInteger)>();
                var (firstOutput, endOutput) = index.OutputsOf(tx);
                for (var o = firstOutput; o < endOutput; o++)
                {
                    var address = index.AddressOf(o);
                    if (address != uint.MaxValue) outputs.Add((index.AddressString(address), index.Value(o)));
                }
                list.Add(new ObservedTransaction("btc", index.TransactionHash(tx).ToString(), height, time, "BTC", inputs, outputs));
            }
        }
        return list;
    }

    /// <summary>Every transfer (ETH, tokens, internal) of blocks <paramref name="fromBlock"/> on, one observed transaction each, in row order.</summary>
    public static IReadOnlyList<ObservedTransaction> Ethereum(EthereumIndex index, long fromBlock)
    {
        ArgumentNullException.ThrowIfNull(index);
        var start = index.TransferCount;
        while (start > 0 && index.BlockOf(start - 1) >= fromBlock) start--;
        var list = new List<ObservedTransaction>();
        for (var row = start; row < index.TransferCount; row++)
        {
            var transfer = index.Transfer(row);
            var token = index.Token(transfer.TokenId);
            var asset = token.Contract is null ? "ETH" : token.Symbol.Length > 0 ? token.Symbol : token.Contract;
            var tx = index.Transaction(transfer.TransactionId);
            list.Add(new ObservedTransaction("eth", tx.Hash, transfer.BlockNumber, tx.Timestamp > 0 ? DateTimeOffset.FromUnixTimeSeconds(tx.Timestamp) : null, asset,
                [(EthAddress.ToChecksum(index.AddressOf(transfer.FromId)), transfer.Value)], [(EthAddress.ToChecksum(index.AddressOf(transfer.ToId)), transfer.Value)]));
        }
        return list;
    }
}
