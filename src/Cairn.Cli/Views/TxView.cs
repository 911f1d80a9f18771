using System.Globalization;
using Cairn.Core;
using Cairn.Index.Bitcoin;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>JSON/table shape of `cairn btc tx` (amounts as exact satoshi strings plus BTC decimals).</summary>
internal sealed record TxView(
    string Txid, long Height, string BlockHash, uint BlockTime, bool Coinbase, string FeeSat, uint Vsize, uint Locktime,
    IReadOnlyList<TxView.Input> Inputs, IReadOnlyList<TxView.Output> Outputs)
{
    internal sealed record Input(string PrevTxid, uint PrevVout, string ValueSat, string Value, string Address);

    internal sealed record Output(uint Vout, string ValueSat, string Value, string ScriptType, string? Address, string? SpentBy);

    public static TxView Of(BitcoinIndex index, uint tx)
    {
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
            outputs.Add(new Output(o - firstOut, Sat(index.Value(o)), Btc(index.Value(o)), ScriptTypeName(index, o), AddressOf(index, o),
                spender is { } s ? index.TransactionHash(s).ToString() : null));
        }
        return new TxView(index.TransactionHash(tx).ToString(), height, index.BlockHashAt(height).ToString(), index.BlockTimeOf(height),
            index.TransactionFlags(tx).HasFlag(TxFlags.Coinbase), Sat(index.FeeOf(tx)), index.TransactionVirtualSize(tx), index.TransactionLockTime(tx), inputs, outputs);
    }

    internal static string? AddressOf(BitcoinIndex index, uint output)
    {
        var address = index.AddressOf(output);
        return address == uint.MaxValue ? null : index.AddressString(address);
    }

    internal static string ScriptTypeName(BitcoinIndex index, uint output) => index.ScriptTypeOf(output).ToString().ToLowerInvariant();

    internal static string Sat(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Btc(long value) => BaseUnits.ToDecimalString(value, BaseUnits.BitcoinDecimals);

    public static void Render(CliContext context, TxView view)
    {
        context.Output.WriteLine($"tx {view.Txid}  height {view.Height}  fee {view.FeeSat} sat  vsize {view.Vsize}{(view.Coinbase ? "  (coinbase)" : "")}");
        var table = new Table().AddColumns("in/out", "address", "script", "value (BTC)", "link");
        foreach (var input in view.Inputs) table.AddRow("in", Markup.Escape(input.Address), "", input.Value, $"{input.PrevTxid[..16]}…:{input.PrevVout}");
        foreach (var output in view.Outputs) table.AddRow($"out {output.Vout}", Markup.Escape(output.Address ?? "-"), output.ScriptType, output.Value, output.SpentBy is null ? "unspent" : $"spent by {output.SpentBy[..16]}…");
        context.Console.Write(table);
    }
}
