using System.CommandLine;
using System.Globalization;
using Cairn.Workspace.Exchange;

namespace Cairn.Cli.Commands;

/// <summary>
/// cairn exchange filter publish|check: deconfliction across nodes (docs/deconfliction.md). A match filter of the agency's case
/// addresses goes to a partner in an envelope; a received filter (or the partner's answer to ours) is checked against our cases, and
/// hits become notices (cairn notification list; cairn notification contact ID asks the partner for contact).
/// </summary>
internal static class ExchangeFilterCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("filter", "Deconfliction with partner nodes: publish a match filter of our case addresses, check one received");
        group.Subcommands.Add(BuildPublish(host));
        group.Subcommands.Add(BuildCheck(host));
        return group;
    }

    private static Command BuildPublish(CliHost host)
    {
        var to = new Option<string>("--to") { Description = "Partner node id", Required = true };
        var rate = new Option<double?>("--fp-rate") { Description = "Target false-positive rate of the Bloom filter (default 1e-6, below 0.01)" };
        var command = new Command("publish", "Send a partner a match filter (keyed hashes in a Bloom filter) of the agency's case addresses (logged)") { to, rate };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var sent = await ctx.Get<ExchangeService>().PublishFilterAsync(ctx.Actor, new FilterPublishRequest(parse.GetValue(to), parse.GetValue(rate)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(sent);
            else ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"match filter {sent.FilterId} of {sent.Entries} address(es) queued for {sent.To} as {sent.MessageId} ({sent.SizeBytes} bytes, false-positive rate {sent.ExpectedFalsePositiveRate:G3})"));
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildCheck(CliHost host)
    {
        var id = new Argument<string>("ID") { Description = "Id of a received match_filter or match_hit message (cairn exchange inbox)" };
        var command = new Command("check", "Check a partner's match filter, or its answer to ours, against the agency's case addresses; hits become notices (logged)") { id };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var done = await ctx.Get<ExchangeService>().CheckFilterMessageAsync(ctx.Actor, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(done);
            else if (done.ContactRequests > 0) ctx.Output.WriteLine($"{done.Partner} asks for contact about {done.ContactRequests} address(es): see cairn notification list");
            else ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{done.Type} from {done.Partner}: {done.Compared} address(es) compared, {done.Hits} hit(s){(done.AnswerMessageId is { } a ? $", answer queued as {a}" : "")}; see cairn notification list"));
            return CliHost.Success;
        });
        return command;
    }
}
