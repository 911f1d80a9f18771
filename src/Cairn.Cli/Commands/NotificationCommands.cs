using System.CommandLine;
using Cairn.Core.Paging;
using Cairn.Workspace.Notifications;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn notification list|read`: what the acting agency was told (shares, revocations, overlapping requests); one call each into <see cref="NotificationService"/>.</summary>
internal static class NotificationCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("notification", "Notifications to the acting agency: list, read, contact (after an address hit)");
        var unread = new Option<bool>("--unread") { Description = "Only those not yet read" };
        var list = new Command("list", "The agency's notifications, newest first (logged)") { unread };
        host.SetAction(list, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<NotificationService>().ListAsync(ctx.Actor, parse.GetValue(unread), PageRequest.All, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(page.Items);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("id", "when", "kind", "case", "detail", "from", "read");
            foreach (var n in page.Items)
                table.AddRow(n.Id, CaseCommands.Time(n.CreatedAt), n.Kind, Markup.Escape(n.CaseReference ?? ""), Markup.Escape(n.Detail), Markup.Escape($"{n.CreatedBy}@{n.CreatedAgency}"), CaseCommands.Time(n.ReadAt));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        var id = new Argument<string?>("ID") { Description = "Notification id (all when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var read = new Command("read", "Mark a notification read (all when no id is given)") { id };
        host.SetAction(read, async (ctx, parse, cancellationToken) =>
        {
            await ctx.Get<NotificationService>().MarkReadAsync(ctx.Actor, parse.GetValue(id), cancellationToken).ConfigureAwait(false);
            ctx.Output.WriteLine(ctx.Json ? "{}" : "marked read");
            return CliHost.Success;
        });
        var hit = new Argument<string>("NOTIFICATION-ID") { Description = "Id of an address hit notice (notification list)" };
        var contact = new Command("contact", "Answer an address hit notice: ask the other agency to make contact (no case details are sent; logged)") { hit };
        host.SetAction(contact, async (ctx, parse, cancellationToken) =>
        {
            var sent = await ctx.Get<NotificationService>().RequestContactAsync(ctx.Actor, parse.GetValue(hit)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(sent);
            else ctx.Output.WriteLine($"asked {sent.Agency} to make contact");
            return CliHost.Success;
        });
        group.Subcommands.Add(list);
        group.Subcommands.Add(contact);
        group.Subcommands.Add(read);
        return group;
    }
}
