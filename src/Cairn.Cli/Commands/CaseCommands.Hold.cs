using System.CommandLine;
using Cairn.Workspace.Retention;

namespace Cairn.Cli.Commands;

/// <summary>`cairn case hold|release-hold`: a legal hold keeps a case out of every retention purge (owner only; logged; docs/operations.md).</summary>
internal static partial class CaseCommands
{
    private static Command BuildHold(CliHost host)
    {
        var reason = new Option<string>("--reason") { Description = "Why the case must be kept (court order, appeal, request from abroad)", Required = true };
        var command = new Command("hold", "Put a case on legal hold: nothing of it is purged while the hold stands (owner only; logged)") { ReferenceArgument, reason };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var hold = await ctx.Get<RetentionService>().HoldAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, new HoldRequest(parse.GetValue(reason)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(hold);
            else ctx.Output.WriteLine($"case {hold.CaseReference} is on legal hold: {hold.Reason}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildReleaseHold(CliHost host)
    {
        var command = new Command("release-hold", "Release a case's legal hold: retention policies apply to it again (owner only; logged)") { ReferenceArgument };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var reference = parse.GetValue(ReferenceArgument)!;
            await ctx.Get<RetentionService>().ReleaseAsync(ctx.Actor, reference, cancellationToken).ConfigureAwait(false);
            ctx.Output.WriteLine($"case {reference} is no longer on legal hold");
            return CliHost.Success;
        });
        return command;
    }
}
