using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Bitcoin;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Watching;

namespace Cairn.Workspace.Watching;

/// <summary>Reads what an ingest added (<see cref="Chain.ChainIngested"/>) back from the index, in block order, for watchlist evaluation.</summary>
public static class IngestedTransactions
{
    /// <summary>
    /// Every transaction of blocks <paramref name="fromHeight"/> to the tip of a UTXO chain's index (coinbase inputs and
    /// outputs without an address left out), amounts in the chain's base units of <paramref name="asset"/>.
    /// </summary>
    public static IReadOnlyList<ObservedTransaction> Utxo(BitcoinIndex index, long fromHeight, string chain = "btc", string asset = "BTC")
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
                list.Add(new ObservedTransaction(chain, index.TransactionHash(tx).ToString(), height, time, asset, inputs, outputs));
            }
        }
        return list;
    }

    /// <summary>
    /// Transfer rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="rows"/>) of an account chain's
    /// index (native coin <paramref name="native"/>, tokens, internal transfers), one observed transaction each, in row order.
    /// </summary>
    public static IReadOnlyList<ObservedTransaction> Account(EthereumIndex index, long firstRow, long rows, string chain = "eth", string native = "ETH")
    {
        ArgumentNullException.ThrowIfNull(index);
        var list = new List<ObservedTransaction>();
        for (var row = Math.Max(0, firstRow); row < Math.Min(index.TransferCount, firstRow + rows); row++)
        {
            var transfer = index.Transfer(row);
            var token = index.Token(transfer.TokenId);
            var asset = token.Contract is null ? native : token.Symbol.Length > 0 ? token.Symbol : token.Contract;
            var tx = index.Transaction(transfer.TransactionId);
            list.Add(new ObservedTransaction(chain, tx.Hash, transfer.BlockNumber, tx.Timestamp > 0 ? DateTimeOffset.FromUnixTimeSeconds(tx.Timestamp) : null, asset,
                [(EthAddress.ToChecksum(index.AddressOf(transfer.FromId)), transfer.Value)], [(EthAddress.ToChecksum(index.AddressOf(transfer.ToId)), transfer.Value)]));
        }
        return list;
    }
}
