using System.CommandLine;
using System.Globalization;
using Cairn.Core;
using Cairn.Exchange.Matching;
using Cairn.Storage.Cases;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn match`: private matching in the spirit of FIU.net Ma3tch (docs/exchange.md). `publish`
/// builds a keyed-hash Bloom filter from this agency's case wallets (and an optional identifier
/// list); `check` tests our own identifiers against a partner's filter locally: only hit / no hit.
/// </summary>
internal static class MatchCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("match", "Private matching: publish a filter of our identifiers, check a partner's filter") { CaseCommands.AsOption, CaseCommands.AgencyOption };
        group.Subcommands.Add(BuildPublish(host));
        group.Subcommands.Add(BuildCheck(host));
        return group;
    }

    private static readonly Option<string?> IdentifiersOption = new("--identifiers") { Description = "Text file, one identifier (address, IBAN, name) per line" };

    private static readonly Option<bool> NoCasesOption = new("--no-cases") { Description = "Do not include the wallets of the agency's cases" };

    private static Command BuildPublish(CliHost host)
    {
        var output = new Option<string>("--out") { Description = "Filter file to write (send it to partners in an envelope)", Required = true };
        var rate = new Option<double>("--fp-rate") { Description = "Target false-positive rate", DefaultValueFactory = _ => 1e-6 };
        var command = new Command("publish", "Build a keyed-hash Bloom filter of our identifiers; no raw identifier is written") { output, rate, IdentifiersOption, NoCasesOption };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var actor = CaseCommands.ActorFrom(parseResult);
            var identifiers = await CollectAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            var filter = MatchFilter.Build(identifiers, parseResult.GetValue(rate), actor.Agency, ctx.Time.GetUtcNow());
            var path = parseResult.GetValue(output)!;
            var bytes = filter.ToBytes();
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            await using (var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false))
                await database.InTransactionAsync(actor, unit => unit.RecordAsync("match.publish", "match_filter", Path.GetFileName(path), Cases.Custody.CustodyRecord.HashOf(bytes)), cancellationToken).ConfigureAwait(false);
            var view = new
            {
                File = path, Entries = filter.Count, filter.Parameters.Bits, HashFunctions = filter.Parameters.HashCount,
                TargetFalsePositiveRate = filter.Parameters.TargetFalsePositiveRate, filter.ExpectedFalsePositiveRate, SizeBytes = bytes.Length,
            };
            if (ctx.Json) ctx.WriteJson(view);
            else ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path}: {filter.Count} identifiers, {filter.Parameters.Bits} bits, {filter.Parameters.HashCount} hash functions, expected false-positive rate {filter.ExpectedFalsePositiveRate:G3} (target {filter.Parameters.TargetFalsePositiveRate:G3})"));
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildCheck(CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "A partner's filter file" };
        var command = new Command("check", "Check our identifiers against a partner's filter, locally; prints hits only") { file, IdentifiersOption, NoCasesOption };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path)) throw new CairnException($"filter file {path} does not exist");
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var filter = MatchFilter.ReadFrom(bytes, path);
            var identifiers = await CollectAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            var hits = filter.Hits(identifiers);
            var actor = CaseCommands.ActorFrom(parseResult);
            await using (var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false))
                await database.InTransactionAsync(actor, unit => unit.RecordAsync("match.check", "match_filter", Path.GetFileName(path), Cases.Custody.CustodyRecord.HashOf(bytes)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
                ctx.WriteJson(new { Publisher = filter.Publisher, Checked = identifiers.Count, Hits = hits, filter.ExpectedFalsePositiveRate, ExpectedFalseHits = identifiers.Count * filter.ExpectedFalsePositiveRate });
            else
            {
                ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{hits.Count} of {identifiers.Count} identifiers hit the filter of {filter.Publisher} (each hit is a false positive with probability {filter.ExpectedFalsePositiveRate:G3}; send a request for details)"));
                foreach (var hit in hits) ctx.Output.WriteLine("hit: " + hit);
            }
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>The wallets of every case the agency can see, plus the lines of --identifiers.</summary>
    private static async Task<IReadOnlyList<string>> CollectAsync(CliContext ctx, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var identifiers = new List<string>();
        if (parseResult.GetValue(IdentifiersOption) is { } list)
        {
            if (!File.Exists(list)) throw new CairnException($"identifier file {list} does not exist");
            identifiers.AddRange((await File.ReadAllLinesAsync(list, cancellationToken).ConfigureAwait(false)).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
        }
        if (!parseResult.GetValue(NoCasesOption))
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var actor = CaseCommands.ActorFrom(parseResult);
            var store = new SqlCaseStore(database);
            foreach (var summary in await store.ListAsync(actor, cancellationToken).ConfigureAwait(false))
                identifiers.AddRange((await store.GetAsync(actor, summary.Reference, cancellationToken).ConfigureAwait(false)).Wallets.Select(w => w.Address));
        }
        return identifiers.Distinct(StringComparer.Ordinal).ToList();
    }
}
