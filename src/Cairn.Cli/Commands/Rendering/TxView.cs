using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands.Rendering;

/// <summary>Table form of `cairn btc tx` (the data is <see cref="TransactionView"/>, shared with the server).</summary>
internal static class TxView
{
    public static string Btc(long value) => TransactionView.Btc(value);

    public static void Render(CliContext context, TransactionView view)
    {
        context.Output.WriteLine($"tx {view.Txid}  height {view.Height}  fee {view.FeeSat} sat  vsize {view.Vsize}{(view.Coinbase ? "  (coinbase)" : "")}");
        var table = new Table().AddColumns("in/out", "address", "script", "value (BTC)", "link");
        foreach (var input in view.Inputs) table.AddRow("in", Markup.Escape(input.Address), "", input.Value, $"{input.PrevTxid[..16]}…:{input.PrevVout}");
        foreach (var output in view.Outputs) table.AddRow($"out {output.Vout}", Markup.Escape(output.Address ?? "-"), output.ScriptType, output.Value, output.SpentBy is null ? "unspent" : $"spent by {output.SpentBy[..16]}…");
        context.Console.Write(table);
    }
}
