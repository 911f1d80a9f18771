using Cairn.Index.Bitcoin;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>JSON/table shape of `cairn btc address`.</summary>
internal sealed record AddressView(
    string Address, string ReceivedSat, string SentSat, string BalanceSat, string Balance, long TxCount, long OutputCount,
    bool Truncated, IReadOnlyList<AddressView.OutputRow> Outputs)
{
    internal sealed record OutputRow(string Txid, uint Vout, long Height, string ValueSat, string Value, string? SpentBy);

    public static AddressView Of(BitcoinIndex index, uint address, int limit)
    {
        long received = 0, sent = 0, count = 0;
        var transactions = new HashSet<uint>();
        var rows = new List<OutputRow>();
        foreach (var output in index.OutputsOfAddress(address))
        {
            var value = index.Value(output);
            var tx = index.TransactionOfOutput(output);
            received += value;
            transactions.Add(tx);
            var spender = index.SpenderOf(output);
            if (spender is { } s)
            {
                sent += value;
                transactions.Add(s);
            }
            if (rows.Count < limit)
                rows.Add(new OutputRow(index.TransactionHash(tx).ToString(), index.VoutOf(output), index.HeightOf(tx), TxView.Sat(value), TxView.Btc(value), spender is { } sp ? index.TransactionHash(sp).ToString() : null));
            count++;
        }
        return new AddressView(index.AddressString(address), TxView.Sat(received), TxView.Sat(sent), TxView.Sat(received - sent), TxView.Btc(received - sent),
            transactions.Count, count, count > rows.Count, rows);
    }

    public static void Render(CliContext context, AddressView view)
    {
        context.Output.WriteLine($"{view.Address}: received {view.ReceivedSat} sat, sent {view.SentSat} sat, balance {view.BalanceSat} sat ({view.Balance} BTC), {view.TxCount} txs, {view.OutputCount} outputs");
        var table = new Table().AddColumns("txid", "vout", "height", "value (BTC)", "spent by");
        foreach (var row in view.Outputs) table.AddRow(row.Txid, row.Vout.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Height.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Value, row.SpentBy ?? "unspent");
        context.Console.Write(table);
        if (view.Truncated) context.Output.WriteLine($"(showing {view.Outputs.Count} of {view.OutputCount} outputs; use --limit)");
    }
}
