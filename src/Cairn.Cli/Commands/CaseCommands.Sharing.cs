using System.CommandLine;
using Cairn.Workspace.Cases;

namespace Cairn.Cli.Commands;

/// <summary>`cairn case share|revoke`: share a case with a registered agency at a level, pseudonymised or not, revoke it (owner only; the agency is notified; logged).</summary>
internal static partial class CaseCommands
{
    private static Command BuildShare(CliHost host)
    {
        var with = new Option<string>("--with") { Description = "Registered agency to share with", Required = true };
        var level = new Option<string?>("--level") { Description = "read (default) | contribute (add traces, evidence, request drafts)" };
        var pseudonymise = new Option<bool>("--pseudonymise") { Description = "The agency sees the subjects' and victims' personal data only as pseudonyms (it needs the flows, not the names)" };
        var command = new Command("share", "Share a case with a registered agency (owner only; logged)") { ReferenceArgument, with, level, pseudonymise };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var shared = await ctx.Get<CaseService>().ShareAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, new ShareRequest(parse.GetValue(with), parse.GetValue(level), parse.GetValue(pseudonymise)), cancellationToken).ConfigureAwait(false);
            return Print(ctx, shared, $"case {shared.Reference} is shared with {string.Join(", ", shared.Grants.Select(g => $"{g.Agency} ({g.Level.ToString().ToLowerInvariant()}{(g.Pseudonymised ? ", pseudonymised" : "")})"))}");
        });
        return command;
    }

    private static Command BuildRevoke(CliHost host)
    {
        var from = new Option<string>("--from") { Description = "Agency whose access ends", Required = true };
        var command = new Command("revoke", "Revoke an agency's access to a case (owner only; logged)") { ReferenceArgument, from };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var revoked = await ctx.Get<CaseService>().RevokeAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, parse.GetValue(from)!, cancellationToken).ConfigureAwait(false);
            return Print(ctx, revoked, $"case {revoked.Reference} is no longer shared with {parse.GetValue(from)}");
        });
        return command;
    }
}
