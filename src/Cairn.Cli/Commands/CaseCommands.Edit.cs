using System.CommandLine;
using Cairn.Cases.Cases;
using Cairn.Workspace.Cases;

namespace Cairn.Cli.Commands;

/// <summary>`cairn case update|wallet|subject|note|status`: editing a case, each one call into <see cref="CaseService"/> (owner agency only; logged).</summary>
internal static partial class CaseCommands
{
    private static readonly Argument<string> ReferenceArgument = new("REFERENCE") { Description = "Case reference" };

    private static Command BuildUpdate(CliHost host)
    {
        var title = new Option<string>("--title") { Description = "New title", Required = true };
        var offence = new Option<string>("--offence") { Description = "Offence type: " + string.Join(", ", OffenceTypes.All), Required = true };
        var detail = new Option<string?>("--offence-detail") { Description = "Description of the offence when its type is 'other'" };
        var command = new Command("update", "Change a case's title and offence type") { ReferenceArgument, title, offence, detail };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().UpdateAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!,
                new CaseUpdateRequest(parse.GetValue(title), parse.GetValue(offence), parse.GetValue(detail), null), cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"case {changed.Reference} is now '{changed.Title}' ({changed.OffenceType})");
        });
        return command;
    }

    private static Command BuildWallet(CliHost host)
    {
        var group = new Command("wallet", "A case's wallets: add (or change role and label), remove");
        var chain = new Option<string>("--chain") { Description = "Chain: " + string.Join(", ", WalletChains.All), Required = true };
        var address = new Option<string>("--address") { Description = "Address", Required = true };
        var role = new Option<string?>("--role") { Description = "victim | perpetrator | service | unknown (default unknown)" };
        var label = new Option<string?>("--label") { Description = "Label" };
        var add = new Command("add", "Record a wallet on a case") { ReferenceArgument, chain, address, role, label };
        host.SetAction(add, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().AddWalletAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!,
                new WalletRequest(parse.GetValue(chain), parse.GetValue(address), parse.GetValue(role), parse.GetValue(label), null), cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"case {changed.Reference} has {changed.Wallets.Count} wallet(s)");
        });
        var remove = new Command("remove", "Remove a wallet from a case") { ReferenceArgument, chain, address };
        host.SetAction(remove, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().RemoveWalletAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, parse.GetValue(chain)!, parse.GetValue(address)!, null, cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"case {changed.Reference} has {changed.Wallets.Count} wallet(s)");
        });
        group.Subcommands.Add(add);
        group.Subcommands.Add(remove);
        return group;
    }

    private static Command BuildSubject(CliHost host)
    {
        var group = new Command("subject", "A case's persons and organisations: add, update, remove");
        var kind = new Option<string>("--kind") { Description = "person | organisation", Required = true };
        var role = new Option<string?>("--role") { Description = "suspect | victim | witness | other (default other)" };
        var name = new Option<string>("--name") { Description = "Name", Required = true };
        var details = new Option<string?>("--details") { Description = "Details" };
        var identifiers = new Option<string[]>("--identifier") { Description = "KIND=VALUE, e.g. passport=X123 (repeatable; kinds: " + string.Join(", ", IdentifierKinds.All) + ")", AllowMultipleArgumentsPerToken = true };
        var id = new Option<string>("--id") { Description = "Subject id (from case show)", Required = true };
        SubjectRequest Request(ParseResult parse) => new(parse.GetValue(kind), parse.GetValue(role), parse.GetValue(name), parse.GetValue(details),
            (parse.GetValue(identifiers) ?? []).Select(text => text.Split('=', 2)).Select(p => new IdentifierRequest(p[0], p.Length > 1 ? p[1] : "")).ToList(), null);
        var add = new Command("add", "Add a subject") { ReferenceArgument, kind, role, name, details, identifiers };
        host.SetAction(add, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().AddSubjectAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, Request(parse), cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"added subject {changed.Subjects[^1].Id} to case {changed.Reference}");
        });
        var update = new Command("update", "Change a subject") { ReferenceArgument, id, kind, role, name, details, identifiers };
        host.SetAction(update, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().UpdateSubjectAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, parse.GetValue(id)!, Request(parse), cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"changed subject {parse.GetValue(id)} of case {changed.Reference}");
        });
        var remove = new Command("remove", "Remove a subject") { ReferenceArgument, id };
        host.SetAction(remove, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().RemoveSubjectAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, parse.GetValue(id)!, null, cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"removed subject {parse.GetValue(id)} from case {changed.Reference}");
        });
        group.Subcommands.Add(add);
        group.Subcommands.Add(update);
        group.Subcommands.Add(remove);
        return group;
    }

    private static Command BuildNote(CliHost host)
    {
        var text = new Option<string>("--text") { Description = "The note", Required = true };
        var command = new Command("note", "Add a note to a case") { ReferenceArgument, text };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().AddNoteAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, new NoteRequest(parse.GetValue(text), null), cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"case {changed.Reference} has {changed.Notes.Count} note(s)");
        });
        return command;
    }

    private static Command BuildStatus(CliHost host)
    {
        var status = new Option<string>("--status") { Description = "open | suspended | closed", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var command = new Command("status", "Open, suspend or close a case, with the reason") { ReferenceArgument, status, reason };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<CaseService>().SetStatusAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!,
                new CaseStatusRequest(parse.GetValue(status), null, parse.GetValue(reason)), cancellationToken).ConfigureAwait(false);
            return Print(ctx, changed, $"case {changed.Reference} is {changed.Status.ToString().ToLowerInvariant()}: {changed.StatusReason}");
        });
        return command;
    }

    private static int Print(CliContext ctx, Case changed, string line)
    {
        if (ctx.Json) ctx.WriteJson(changed);
        else ctx.Output.WriteLine(line);
        return CliHost.Success;
    }
}
