using System.CommandLine;
using System.Globalization;
using Cairn.Workspace.Exchange;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn match`: private matching in the spirit of FIU.net Ma3tch (docs/exchange.md). `publish`
/// builds a keyed-hash Bloom filter from this agency's case wallets (and an optional identifier
/// list); `check` tests our own identifiers against a partner's filter locally: only hit / no hit.
/// Each one call into <see cref="ExchangeService"/>.
/// </summary>
internal static class MatchCommands
{
    private static readonly Option<string?> IdentifiersOption = new("--identifiers") { Description = "Text file, one identifier (address, IBAN, name) per line" };

    private static readonly Option<bool> NoCasesOption = new("--no-cases") { Description = "Do not include the wallets of the agency's cases" };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("match", "Private matching: publish a filter of our identifiers, check a partner's filter");
        group.Subcommands.Add(BuildPublish(host));
        group.Subcommands.Add(BuildCheck(host));
        return group;
    }

    private static Command BuildPublish(CliHost host)
    {
        var output = new Option<string>("--out") { Description = "Filter file to write (send it to partners in an envelope)", Required = true };
        var rate = new Option<double>("--fp-rate") { Description = "Target false-positive rate", DefaultValueFactory = _ => 1e-6 };
        var command = new Command("publish", "Build a keyed-hash Bloom filter of our identifiers; no raw identifier is written") { output, rate, IdentifiersOption, NoCasesOption };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var written = await ctx.Get<ExchangeService>().PublishMatchFilterAsync(ctx.Actor,
                new MatchPublishRequest(parse.GetValue(output), parse.GetValue(rate), parse.GetValue(IdentifiersOption), parse.GetValue(NoCasesOption)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(written);
            else ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {written.File}: {written.Entries} identifiers, {written.Bits} bits, {written.HashFunctions} hash functions, expected false-positive rate {written.ExpectedFalsePositiveRate:G3} (target {written.TargetFalsePositiveRate:G3})"));
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildCheck(CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "A partner's filter file" };
        var command = new Command("check", "Check our identifiers against a partner's filter, locally; prints hits only") { file, IdentifiersOption, NoCasesOption };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var result = await ctx.Get<ExchangeService>().CheckMatchFilterAsync(ctx.Actor,
                new MatchCheckRequest(parse.GetValue(file), parse.GetValue(IdentifiersOption), parse.GetValue(NoCasesOption)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(result);
            else
            {
                ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Hits.Count} of {result.Checked} identifiers hit the filter of {result.Publisher} (each hit is a false positive with probability {result.ExpectedFalsePositiveRate:G3}; send a request for details)"));
                foreach (var hit in result.Hits) ctx.Output.WriteLine("hit: " + hit);
            }
            return CliHost.Success;
        });
        return command;
    }
}
