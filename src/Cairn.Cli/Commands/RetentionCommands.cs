using System.CommandLine;
using Cairn.Workspace.Retention;

namespace Cairn.Cli.Commands;

/// <summary>`cairn retention show|purge` (docs/operations.md): one call each into <see cref="RetentionService"/>.</summary>
internal static class RetentionCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("retention", "Retention: the policies of cairn.json, legal holds, purge");
        group.Subcommands.Add(BuildShow(host));
        group.Subcommands.Add(BuildPurge(host));
        return group;
    }

    private static Command BuildShow(CliHost host)
    {
        var command = new Command("show", "The retention policies in words, the acting agency's cases on hold, the purges done (logged)");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var view = await ctx.Get<RetentionService>().ViewAsync(ctx.Actor, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(view);
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"policies ({view.ConfigurationFile}):");
            foreach (var policy in view.Policies) ctx.Output.WriteLine("  " + policy.Description);
            ctx.Output.WriteLine(view.Holds.Count == 0 ? "no case on legal hold" : "on legal hold:");
            foreach (var hold in view.Holds) ctx.Output.WriteLine($"  {hold.CaseReference}: {hold.Reason} ({hold.HeldBy}@{hold.Agency}, {CaseCommands.Time(hold.HeldAt)})");
            foreach (var report in view.History) ctx.Output.WriteLine($"purge {report.Id} at {CaseCommands.Time(report.At)} by {report.By}: {report.Total} items deleted");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildPurge(CliHost host)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be deleted" };
        var command = new Command("purge", "Delete what the retention policies say is due, except in cases on legal hold (logged, hash-only)") { dryRun };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var report = await ctx.Get<RetentionService>().PurgeAsync(ctx.Actor, parse.GetValue(dryRun), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(report);
                return CliHost.Success;
            }
            ctx.Output.WriteLine(report.DryRun ? $"dry run: a purge now would delete {report.Total} items" : $"purge {report.Id}: {report.Total} items deleted");
            foreach (var item in report.Items)
                ctx.Output.WriteLine($"  {item.Count} {item.What} in {item.Cases} cases ({item.Policy})");
            if (report.HeldCases > 0) ctx.Output.WriteLine($"  {report.HeldCases} due cases kept: on legal hold");
            return CliHost.Success;
        });
        return command;
    }
}
