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
        var chain = new Option<string>("--chain") { Description = "A chain of the registry that is ingested (btc, ltc, bch, doge, eth, bsc, polygon, arbitrum, base; cairn chains)", DefaultValueFactory = _ => "btc" };
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
            else ctx.WriteJson(new WatchRemoved(parse.GetValue(id)!));
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn alerts --case REF [--json]`: the alerts ingest raised on the case, newest first; `alerts ack|route|draft ALERT` act on one.</summary>
    public static Command BuildAlerts(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var limit = new Option<int>("--limit") { Description = "How many (newest first, at most 500)", DefaultValueFactory = _ => 100 };
        var command = new Command("alerts", "Alerts raised on a case when watched funds moved (logged); ack, route and draft act on one") { CaseCommands.CaseOption, limit };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<WatchService>().AlertsAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, PageRequest.Of(0, Math.Clamp(parse.GetValue(limit), 1, 500)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(page);
            else
            {
                if (page.Items.Count == 0) ctx.Output.WriteLine("no alerts");
                foreach (var a in page.Items)
                    ctx.Output.WriteLine($"{a.Id}  {a.RaisedAt:u}  {Words(a.Kind)}: {a.Detail} ({a.Chain} block {a.BlockHeight}, tx {a.TxId}) [{a.State}; raised {a.LatencyMs} ms after the ingest reported the block]");
            }
            return CliHost.Success;
        });
        command.Subcommands.Add(BuildAcknowledge(host));
        command.Subcommands.Add(BuildRoute(host));
        command.Subcommands.Add(BuildDraft(host));
        return command;
    }

    private static readonly Argument<string> AlertId = new("alert") { Description = "The alert's id (cairn alerts --case REF)" };

    private static Command BuildAcknowledge(CliHost host)
    {
        var command = new Command("ack", "Mark an alert seen (logged)") { CaseCommands.CaseOption, AlertId };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var alert = await ctx.Get<WatchService>().AcknowledgeAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(AlertId)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(alert);
            else ctx.Output.WriteLine($"alert {alert.Id} acknowledged");
            return CliHost.Success;
        });
        return command;
    }

    private static readonly Option<string> From = new("--from") { Description = "The requesting State (ISO 3166-1 alpha-2)", Required = true };

    private static Command BuildRoute(CliHost host)
    {
        var command = new Command("route", "The urgent routes (expedited preservation, freezing) to the State of the service an alert reached, with their time limits and contacts") { CaseCommands.CaseOption, AlertId, From };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var proposal = await ctx.Get<WatchService>().ProposeAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(AlertId)!, parse.GetValue(From), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(proposal);
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"{proposal.Alert.ActorLabel ?? proposal.Alert.Actor} in {proposal.RequestedState}, from {proposal.RequestingState}, urgent:");
            foreach (var o in proposal.Options)
            {
                ctx.Output.WriteLine($"  {o.Measure}: {o.Instrument} {o.Citation} via {o.Channel} ({o.RequestType}){(o.PartiesConfirmed ? "" : " — party status unverified")}");
                foreach (var d in o.Deadlines) ctx.Output.WriteLine($"    time limit: {d.Label}, {d.Period} from {d.From} ({d.Citation})");
                if (o.Fallback is { } fallback) ctx.Output.WriteLine($"    note: {fallback}");
            }
            foreach (var c in proposal.Contacts) ctx.Output.WriteLine($"  {c.Role}: {c.Name}{(c.Verified ? "" : " (unverified)")} — {c.Source}, {c.AsOf}");
            if (proposal.Note is { } note) ctx.Output.WriteLine($"  {note}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildDraft(CliHost host)
    {
        var measure = new Option<string?>("--measure") { Description = "preservation or freeze (default: the first proposed)" };
        var authority = new Option<string?>("--authority") { Description = "The requesting authority named in the draft" };
        var command = new Command("draft", "Draft the proposed urgent request from an alert in one step, pre-filled from it (logged)") { CaseCommands.CaseOption, AlertId, From, measure, authority };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var drafted = await ctx.Get<WatchService>().DraftAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(AlertId)!,
                new AlertDraftRequest(parse.GetValue(From), parse.GetValue(measure), parse.GetValue(authority)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(drafted);
            else
            {
                foreach (var d in drafted.Drafts) ctx.Output.WriteLine($"drafted request {d.Id} to {d.RequestedState}: {d.Measure}, urgent, via {d.Channel}");
                foreach (var u in drafted.Unroutable) ctx.Output.WriteLine($"not drafted: {u}");
            }
            return CliHost.Success;
        });
        return command;
    }

    private static string Words(string kind) => kind switch
    {
        "funds_left" => "funds left the watch",
        "reached_service" => "funds reached a service",
        "reached_sanctioned" => "funds reached a sanctioned address",
        "threshold" => "threshold crossed",
        _ => kind,
    };
}
