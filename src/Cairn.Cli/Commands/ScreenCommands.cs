using System.CommandLine;
using System.Globalization;
using Cairn.Core;
using Cairn.Intel.Screening;
using Cairn.Tracing.Clustering;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn screen ADDR… | --file F [--chain btc|eth|CODE]`: each address's hits among imported tags
/// and sanctions lists. Addresses are normalised per chain before matching (bech32 case, EIP-55
/// checksums); a malformed address is reported and never matched (docs/intel.md "Screening").
/// When the data directory holds a Bitcoin index, each address's multi-input cluster is looked up
/// and hits on other addresses of that cluster are reported as cluster hits.
/// Exit code 0 whether or not there are hits; 1 for unusable input.
/// </summary>
internal static class ScreenCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = new Argument<string[]>("addresses") { Description = "Addresses to screen", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<string?>("--file") { Description = "File with one address per line ('#' starts a comment)" };
        var chain = new Option<string?>("--chain") { Description = "btc | eth | any other currency code (default: detect from the address)" };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Do not look up cluster hits in the data directory's Bitcoin index" };
        var command = new Command("screen", "Screen addresses against tags and sanctions lists") { addresses, file, chain, noClusters, CaseCommands.AsOption, CaseCommands.AgencyOption };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var inputs = (parseResult.GetValue(addresses) ?? []).ToList();
            var path = parseResult.GetValue(file);
            if (path is not null)
            {
                if (!File.Exists(path)) throw new CairnException($"{path}: no such file");
                inputs.AddRange(File.ReadLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0));
            }
            if (inputs.Count == 0) throw new CairnException("nothing to screen: give addresses or --file F");
            var (database, service) = await IntelCommands.OpenAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            await using (database)
            {
                // With a Bitcoin index in the data directory, hits on an address's multi-input cluster are reported too.
                using var chainIndex = !parseResult.GetValue(noClusters) && Cairn.Index.Bitcoin.IndexManifest.Load(BtcIndexCommands.IndexDirectory(ctx)) is not null ? BtcIndexCommands.OpenIndex(ctx) : null;
                var clusters = chainIndex is null ? null : new BitcoinClusterResolver(chainIndex, AddressClusters.OpenOrBuild(chainIndex));
                var screener = new Screener(await service.GetIndexAsync(cancellationToken).ConfigureAwait(false), clusters);
                var results = inputs.Select(a => screener.Screen(a, parseResult.GetValue(chain))).ToList();
                if (ctx.Json) ctx.WriteJson(results.Select(ToJson));
                else Print(ctx, results);
                return CliHost.Success;
            }
        });
        return command;
    }

    private static object ToJson(AddressScreening result) => new
    {
        address = result.Input,
        status = result.Status.ToString().ToLowerInvariant() switch { "nohit" => "no_hit", var s => s },
        family = result.Family?.ToString().ToLowerInvariant(),
        normalized = result.Normalized,
        error = result.Error,
        hits = result.Hits.Select(HitJson),
        cluster_id = result.ClusterId,
        cluster_hits = result.ClusterHits.Select(h => new { address = h.Address, hit = HitJson(h.Hit) }),
    };

    private static object HitJson(ScreeningHit hit) => new
    {
        kind = hit.Kind.ToString().ToLowerInvariant(),
        source = hit.Source,
        source_reference = hit.SourceReference,
        currency = hit.Currency,
        label = hit.Label,
        actor = hit.ActorId,
        actor_label = hit.ActorLabel,
        category = hit.Category,
        abuse = hit.Abuse,
        jurisdictions = hit.Jurisdictions,
        confidence = hit.Confidence,
        confidence_level = hit.ConfidenceLevel,
        is_public = hit.IsPublic,
        sanction = hit.Sanction is { } s
            ? new { list = s.ListName, entry_name = s.EntryName, entry_number = s.EntryNumber, programs = s.Programs, list_date = s.ListDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : null,
    };

    private static void Print(CliContext ctx, IReadOnlyList<AddressScreening> results)
    {
        var table = new Table().AddColumns("address", "result", "label", "actor", "jurisdictions", "category", "confidence", "source");
        foreach (var result in results)
        {
            var status = result.Status switch
            {
                ScreeningStatus.Hit => "[red]hit[/]",
                ScreeningStatus.Malformed => "[yellow]malformed[/]",
                _ => "no hit",
            };
            if (result.Status == ScreeningStatus.Malformed)
            {
                table.AddRow(Markup.Escape(result.Input), status, Markup.Escape(result.Error ?? ""), "", "", "", "", "");
                continue;
            }
            var rows = result.Hits.Select(h => (Prefix: "", Hit: h)).Concat(result.ClusterHits.Select(h => (Prefix: $"cluster {result.ClusterId} via {h.Address}: ", h.Hit))).ToList();
            if (rows.Count == 0) table.AddRow(Markup.Escape(result.Input), status, "", "", "", "", "", "");
            for (var i = 0; i < rows.Count; i++)
            {
                var (prefix, hit) = rows[i];
                var label = prefix + hit.Label + (hit.Sanction is { } s ? $" ({string.Join(", ", s.Programs.Append("listed " + (s.ListDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "date unknown")))})" : "");
                table.AddRow(i == 0 ? Markup.Escape(result.Input) : "", i == 0 ? status : "", Markup.Escape(label), Markup.Escape(hit.ActorLabel ?? hit.ActorId ?? ""),
                    Markup.Escape(string.Join(", ", hit.Jurisdictions)), Markup.Escape(hit.Category ?? hit.Abuse ?? ""),
                    Markup.Escape(hit.Confidence is null ? "" : $"{hit.Confidence} ({hit.ConfidenceLevel})"), Markup.Escape(hit.Source));
            }
        }
        ctx.Console.Write(table);
        ctx.Output.WriteLine($"{results.Count(r => r.Status == ScreeningStatus.Hit)} hit(s), {results.Count(r => r.Status == ScreeningStatus.Malformed)} malformed, {results.Count} screened");
    }
}
