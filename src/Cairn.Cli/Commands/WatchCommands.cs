using System.CommandLine;
using Cairn.Core.Paging;
using Cairn.Workspace.Watching;

namespace Cairn.Cli.Commands;

/// <summary>`cairn watch add|list|remove --case REF` and `cairn alerts --case REF`: a case's watchlist and the alerts ingest raised, one call each into <see cref="WatchService"/>.</summary>
internal static class WatchCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("watch", "A case's watchlist: add, list, remove (every ingest checks new transactions against it)");
        group.Subcommands.Add(BuildAdd(host));
        group.Subcommands.Add(BuildList(host));
        group.Subcommands.Add(BuildRemove(host));
        return group;
    }

    private static Command BuildAdd(CliHost host)
    {
        var chain = new Option<string>("--chain") { Description = "btc | eth", DefaultValueFactory = _ => "btc" };
        var address = new Option<string?>("--address") { Description = "Watch funds leaving this address" };
        var cluster = new Option<string?>("--cluster") { Description = "Watch the multi-input cluster of this Bitcoin address" };
        var actor = new Option<string?>("--actor") { Description = "Watch a service or actor (its id in the intelligence)" };
        var label = new Option<string?>("--label") { Description = "What the watch is about" };
        var threshold = new Option<string?>("--threshold") { Description = "Alert when at least this many base units leave at once" };
        var command = new Command("add", "Watch an address, a cluster or a service for the case (logged)") { CaseCommands.CaseOption, chain, address, cluster, actor, label, threshold };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var given = new[] { ("address", parse.GetValue(address)), ("cluster", parse.GetValue(cluster)), ("actor", parse.GetValue(actor)) }.Where(g => g.Item2 is not null).ToList();
            if (given.Count != 1) throw new Core.CairnException("give exactly one of --address, --cluster, --actor");
            var watch = await ctx.Get<WatchService>().AddAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!,
                new WatchRequest(parse.GetValue(chain), given[0].Item1, given[0].Item2, parse.GetValue(label), parse.GetValue(threshold)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(watch);
            else ctx.Output.WriteLine($"watching {watch.Kind} {watch.Value} on {watch.Chain} for case {watch.CaseReference} (watch {watch.Id})");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildList(CliHost host)
    {
        var command = new Command("list", "The case's watches and the addresses their funds reached (logged)") { CaseCommands.CaseOption };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<WatchService>().ListAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, PageRequest.Of(0, 500), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(page);
            else
            {
                if (page.Items.Count == 0) ctx.Output.WriteLine("no watches");
                foreach (var w in page.Items)
                    ctx.Output.WriteLine($"{w.Id}  {w.Chain}  {w.Kind,-8} {w.Value}{(w.Origin is null ? "" : $" (reached {w.Hops} hop(s) from watch {w.Origin})")}{(w.Label is null ? "" : $" — {w.Label}")}");
            }
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildRemove(CliHost host)
    {
        var id = new Argument<string>("watch") { Description = "The watch's id (cairn watch list)" };
        var command = new Command("remove", "Stop a watch and the addresses it followed (logged)") { CaseCommands.CaseOption, id };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            await ctx.Get<WatchService>().RemoveAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (!ctx.Json) ctx.Output.WriteLine("watch removed");
            else ctx.WriteJson(new { removed = parse.GetValue(id) });
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn alerts --case REF [--json]`: the alerts ingest raised on the case, newest first.</summary>
    public static Command BuildAlerts(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var limit = new Option<int>("--limit") { Description = "How many (newest first, at most 500)", DefaultValueFactory = _ => 100 };
        var command = new Command("alerts", "Alerts raised on a case when watched funds moved (logged)") { CaseCommands.CaseOption, limit };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<WatchService>().AlertsAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, PageRequest.Of(0, Math.Clamp(parse.GetValue(limit), 1, 500)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(page);
            else
            {
                if (page.Items.Count == 0) ctx.Output.WriteLine("no alerts");
                foreach (var a in page.Items)
                    ctx.Output.WriteLine($"{a.RaisedAt:u}  {a.Kind,-18} {a.Chain} block {a.BlockHeight} tx {a.TxId}: {a.Detail} [{a.State}; {a.LatencyMs} ms after the ingest started]");
            }
            return CliHost.Success;
        });
        return command;
    }
}
