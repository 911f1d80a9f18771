using System.CommandLine;
using Cairn.Core;
using Cairn.Workspace.Intel;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn screen ADDR… | --file F [--chain ID|CODE]`: each address's hits among imported tags
/// and sanctions lists (one call into <see cref="ScreeningService"/>, as POST /api/v1/screen).
/// Addresses are normalised per chain before matching (bech32 case, EIP-55 checksums); a malformed
/// address is reported and never matched (docs/intel.md "Screening"). When the data directory holds
/// a Bitcoin index, hits on other addresses of each address's multi-input cluster are reported too.
/// Exit code 0 whether or not there are hits; 1 for unusable input.
/// </summary>
internal static class ScreenCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = new Argument<string[]>("addresses") { Description = "Addresses to screen", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<string?>("--file") { Description = "File with one address per line ('#' starts a comment)" };
        var chain = new Option<string?>("--chain") { Description = "A chain id (btc, ltc, bch, doge, eth, bsc, polygon, arbitrum, base, trx) or any other currency code (default: detect from the address)" };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Do not look up cluster hits in the data directory's Bitcoin index" };
        var command = new Command("screen", "Screen addresses against tags and sanctions lists") { addresses, file, chain, noClusters };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var inputs = (parse.GetValue(addresses) ?? []).ToList();
            if (parse.GetValue(file) is { } path)
            {
                if (!File.Exists(path)) throw new CairnException($"{path}: no such file");
                inputs.AddRange(File.ReadLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0));
            }
            if (inputs.Count == 0) throw new CairnException("nothing to screen: give addresses or --file F");
            var results = await ctx.Get<ScreeningService>().ScreenAsync(new ScreenRequest(inputs, parse.GetValue(chain)), useClusters: !parse.GetValue(noClusters), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(results);
            else Print(ctx, results);
            return CliHost.Success;
        });
        return command;
    }

    private static void Print(CliContext ctx, IReadOnlyList<ScreeningView> results)
    {
        var table = new Table().AddColumns("address", "result", "label", "actor", "jurisdictions", "category", "confidence", "source");
        foreach (var result in results)
        {
            var status = result.Status switch
            {
                "hit" => "[red]hit[/]",
                "malformed" => "[yellow]malformed[/]",
                _ => "no hit",
            };
            if (result.Status == "malformed")
            {
                table.AddRow(Markup.Escape(result.Address), status, Markup.Escape(result.Error ?? ""), "", "", "", "", "");
                continue;
            }
            var rows = result.Hits.Select(h => (Prefix: "", Hit: h)).Concat(result.ClusterHits.Select(h => (Prefix: $"cluster {result.ClusterId} via {h.Address}: ", h.Hit))).ToList();
            if (rows.Count == 0) table.AddRow(Markup.Escape(result.Address), status, "", "", "", "", "", "");
            for (var i = 0; i < rows.Count; i++)
            {
                var (prefix, hit) = rows[i];
                var label = prefix + hit.Label + (hit.Sanction is { } s ? $" ({string.Join(", ", s.Programs.Append("listed " + (s.ListDate ?? "date unknown")))})" : "");
                table.AddRow(i == 0 ? Markup.Escape(result.Address) : "", i == 0 ? status : "", Markup.Escape(label), Markup.Escape(hit.ActorLabel ?? hit.Actor ?? ""),
                    Markup.Escape(string.Join(", ", hit.Jurisdictions)), Markup.Escape(hit.Category ?? hit.Abuse ?? ""),
                    Markup.Escape(hit.Confidence is null ? "" : $"{hit.Confidence} ({hit.ConfidenceLevel})"), Markup.Escape(hit.Source));
            }
        }
        ctx.Console.Write(table);
        ctx.Output.WriteLine($"{results.Count(r => r.Status == "hit")} hit(s), {results.Count(r => r.Status == "malformed")} malformed, {results.Count} screened");
    }
}
