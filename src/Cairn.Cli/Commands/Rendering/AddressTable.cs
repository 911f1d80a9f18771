using System.Globalization;
using Spectre.Console;
using Cairn.Workspace.Chain;

namespace Cairn.Cli.Commands.Rendering;

/// <summary>Table form of `cairn btc address` (the data is <see cref="Workspace.Chain.AddressView"/>, shared with the server).</summary>
internal static class AddressTable
{
    public static void Render(CliContext context, AddressView view)
    {
        context.Output.WriteLine($"{view.Address}: received {view.ReceivedSat} sat, sent {view.SentSat} sat, balance {view.BalanceSat} sat ({view.Balance} BTC), {view.TxCount} txs, {view.OutputCount} outputs");
        var table = new Table().AddColumns("txid", "vout", "height", "value (BTC)", "spent by");
        foreach (var row in view.Outputs) table.AddRow(row.Txid, row.Vout.ToString(CultureInfo.InvariantCulture), row.Height.ToString(CultureInfo.InvariantCulture), row.Value, row.SpentBy ?? "unspent");
        context.Console.Write(table);
        if (view.Truncated) context.Output.WriteLine($"(showing {view.Outputs.Count} of {view.OutputCount} outputs; use --limit)");
    }
}
