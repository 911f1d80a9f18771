using System.Globalization;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Bitcoin;

namespace Cairn.Workspace.Chain;

/// <summary>A transaction from the index as people and scripts read it (`cairn btc tx`, GET /api/v1/btc/tx): amounts as exact satoshi strings plus BTC decimals.</summary>
public sealed record TransactionView(
    string Txid, long Height, string BlockHash, uint BlockTime, bool Coinbase, string FeeSat, uint Vsize, uint Locktime,
    IReadOnlyList<TransactionView.Input> Inputs, IReadOnlyList<TransactionView.Output> Outputs)
{
    public sealed record Input(string PrevTxid, uint PrevVout, string ValueSat, string Value, string Address);

    public sealed record Output(uint Vout, string ValueSat, string Value, string ScriptType, string? Address, string? SpentBy);

    /// <summary>The transaction <paramref name="txid"/>, or a <see cref="NotFoundException"/> naming the index height.</summary>
    public static TransactionView Find(BitcoinIndex index, string txid)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (!Hash256.TryParse(txid, out var hash)) throw new CairnException($"malformed txid '{txid}': expected 64 hex digits");
        if (!index.TryFindTransaction(hash, out var tx)) throw new NotFoundException($"transaction {txid} is not in the index (height {index.TipHeight})");
        return Of(index, tx);
    }

    public static TransactionView Of(BitcoinIndex index, uint tx)
    {
        ArgumentNullException.ThrowIfNull(index);
        var height = index.HeightOf(tx);
        var inputs = new List<Input>();
        var (firstIn, endIn) = index.InputsOf(tx);
        for (var i = firstIn; i < endIn; i++)
        {
            var spent = index.SpentOutputOf(i);
            var prevTx = index.TransactionOfOutput(spent);
            inputs.Add(new Input(index.TransactionHash(prevTx).ToString(), index.VoutOf(spent), Sat(index.Value(spent)), Btc(index.Value(spent)), AddressOf(index, spent) ?? ""));
        }
        var outputs = new List<Output>();
        var (firstOut, endOut) = index.OutputsOf(tx);
        for (var o = firstOut; o < endOut; o++)
        {
            var spender = index.SpenderOf(o);
            outputs.Add(new Output(o - firstOut, Sat(index.Value(o)), Btc(index.Value(o)), index.ScriptTypeOf(o).ToString().ToLowerInvariant(), AddressOf(index, o),
                spender is { } s ? index.TransactionHash(s).ToString() : null));
        }
        return new TransactionView(index.TransactionHash(tx).ToString(), height, index.BlockHashAt(height).ToString(), index.BlockTimeOf(height),
            index.TransactionFlags(tx).HasFlag(TxFlags.Coinbase), Sat(index.FeeOf(tx)), index.TransactionVirtualSize(tx), index.TransactionLockTime(tx), inputs, outputs);
    }

    public static string? AddressOf(BitcoinIndex index, uint output)
    {
        ArgumentNullException.ThrowIfNull(index);
        var address = index.AddressOf(output);
        return address == uint.MaxValue ? null : index.AddressString(address);
    }

    public static string Sat(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Btc(long value) => BaseUnits.ToDecimalString(value, BaseUnits.BitcoinDecimals);
}
