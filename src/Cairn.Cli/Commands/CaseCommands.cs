using System.CommandLine;
using System.Globalization;
using Cairn.Core.Paging;
using Cairn.Workspace.Cases;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn case`: create, list, show, update, wallet, subject, note, status, share, revoke,
/// dashboard. The CLI has no login: the acting user is <c>--as</c> (else $CAIRN_USER, else the OS
/// user) of agency <c>--agency</c> (else $CAIRN_AGENCY, else "local"); see docs/storage.md. Each
/// command is one call into <see cref="CaseService"/>.
/// </summary>
internal static partial class CaseCommands
{
    internal static readonly Option<string> CaseOption = new("--case") { Description = "Case reference", Required = true };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("case", "Cases: create, list, show, update, wallet, subject, note, status, share, revoke, dashboard, hold, release-hold, export");
        group.Subcommands.Add(BuildCreate(host));
        group.Subcommands.Add(BuildList(host));
        group.Subcommands.Add(BuildShow(host));
        group.Subcommands.Add(BuildUpdate(host));
        group.Subcommands.Add(BuildWallet(host));
        group.Subcommands.Add(BuildSubject(host));
        group.Subcommands.Add(BuildNote(host));
        group.Subcommands.Add(BuildStatus(host));
        group.Subcommands.Add(BuildShare(host));
        group.Subcommands.Add(BuildRevoke(host));
        group.Subcommands.Add(BuildDashboard(host));
        group.Subcommands.Add(BuildHold(host));
        group.Subcommands.Add(BuildReleaseHold(host));
        group.Subcommands.Add(BuildExport(host));
        group.Subcommands.Add(BuildVictim(host));
        return group;
    }

    internal static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static Command BuildCreate(CliHost host)
    {
        var reference = new Option<string>("--reference") { Description = "Case reference, unique (e.g. NCA-2025-0042)", Required = true };
        var title = new Option<string>("--title") { Description = "Short title", Required = true };
        var offence = new Option<string>("--offence") { Description = "Offence type: " + string.Join(", ", Cairn.Cases.Cases.OffenceTypes.All), Required = true };
        var detail = new Option<string?>("--offence-detail") { Description = "Description of the offence when its type is 'other'" };
        var command = new Command("create", "Open a case owned by the acting agency") { reference, title, offence, detail };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var created = await ctx.Get<CaseService>().CreateAsync(ctx.Actor,
                new NewCaseRequest(parse.GetValue(reference), parse.GetValue(title), parse.GetValue(offence), parse.GetValue(detail)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(CaseSummary.Of(created));
            else ctx.Output.WriteLine($"created case {created.Reference} ({created.Id}) owned by {created.OwningAgency}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildList(CliHost host)
    {
        var command = new Command("list", "Cases the acting agency owns or was granted");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var cases = (await ctx.Get<CaseService>().ListAsync(ctx.Actor, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
            if (ctx.Json)
            {
                ctx.WriteJson(cases);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("reference", "title", "offence", "status", "owner", "opened");
            foreach (var c in cases)
                table.AddRow(Markup.Escape(c.Reference), Markup.Escape(c.Title), Markup.Escape(c.OffenceType), c.Status, Markup.Escape(c.OwningAgency), Time(c.OpenedAt));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildShow(CliHost host)
    {
        var reference = new Argument<string>("REFERENCE") { Description = "Case reference" };
        var command = new Command("show", "Show one case (the read is logged)") { reference };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var found = await ctx.Get<CaseService>().GetAsync(ctx.Actor, parse.GetValue(reference)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(found);
                return CliHost.Success;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
            Row("reference", found.Reference);
            Row("id", found.Id);
            Row("title", found.Title);
            Row("offence", found.OffenceType + (found.OffenceDetail.Length > 0 ? $": {found.OffenceDetail}" : ""));
            Row("status", found.Status.ToString().ToLowerInvariant() + (found.StatusReason.Length > 0 ? $" ({found.StatusReason})" : ""));
            Row("owner", found.OwningAgency);
            Row("opened", Time(found.OpenedAt));
            if (found.ClosedAt is not null) Row("closed", Time(found.ClosedAt));
            Row("version", found.Version.ToString(CultureInfo.InvariantCulture));
            Row("shared with", string.Join(", ", found.Grants.Select(g => $"{g.Agency} ({g.Level.ToString().ToLowerInvariant()}{(g.Pseudonymised ? ", pseudonymised" : "")})")));
            foreach (var s in found.Subjects)
                Row("subject", $"{s.Id} {s.Role.ToString().ToLowerInvariant()} {s.Kind.ToString().ToLowerInvariant()}: {s.Name} {s.Details} {string.Join(" ", s.Identifiers.Select(i => $"{i.Kind}={i.Value}"))}".TrimEnd());
            foreach (var w in found.Wallets) Row("wallet", $"{w.Chain} {w.Address} ({w.Role.ToString().ToLowerInvariant()}) {w.Label}");
            foreach (var l in found.Links) Row("link", $"{l.Kind.ToString().ToLowerInvariant()} {l.Target}");
            foreach (var n in found.Notes) Row("note", $"{Time(n.WrittenAt)} {n.Author}@{n.Agency}: {n.Text}");
            foreach (var c in found.StatusChanges) Row("status change", $"{Time(c.ChangedAt)} {c.ChangedBy}@{c.Agency}: {c.Status.ToString().ToLowerInvariant()} ({c.Reason})");
            ctx.Console.Write(grid);
            return CliHost.Success;
        });
        return command;
    }
}
