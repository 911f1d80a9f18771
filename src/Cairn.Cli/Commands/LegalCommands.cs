using System.CommandLine;
using System.Globalization;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using Cairn.Legal.Routing;
using Cairn.Workspace.Legal;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn route` (legal routes between two States for a measure) and `cairn request`
/// (draft, set, check, render, status, list). Requests live in the database through
/// <see cref="LegalRequestService"/>: each draft, content change, status move and rendering is a
/// custody-log entry of the acting user (--as/--agency, as for `case`). The reviewed legal data is
/// the built-in copy unless --legal-data (or $CAIRN_LEGAL_DATA) names another.
/// </summary>
internal static class LegalCommands
{
    private static readonly Option<string?> OffenceType = new("--offence-type") { Description = "The case's offence (e.g. ransomware, fraud, corruption): instruments limited to other offences are left out" };

    private static readonly Option<string?> On = new("--on") { Description = "Date the routes are judged on (YYYY-MM-DD; default today): parties in force, withdrawals, suspensions, application dates" };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var from = new Option<string>("--from") { Description = "Requesting State (ISO 3166-1 alpha-2)", Required = true };
        var to = new Option<string>("--to") { Description = "Requested State (ISO 3166-1 alpha-2)", Required = true };
        var measure = new Option<string>("--measure") { Description = "Measure: " + string.Join(", ", Measures.All), Required = true };
        var urgent = new Option<bool>("--urgent") { Description = "Urgent request (urgent-only rules and limits apply)" };
        var route = new Command("route", "Legal routes between two States for a measure, judged on a date (also: request)") { from, to, measure, urgent, OffenceType, On };
        host.SetAction(route, (ctx, parse) =>
        {
            var result = ctx.Get<LegalReferenceService>().Route(new RouteRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(measure), parse.GetValue(urgent),
                parse.GetValue(OffenceType), parse.GetValue(On)));
            if (ctx.Json) ctx.WriteJson(result);
            else RoutePrinter.Print(ctx, result);
            return CliHost.Success;
        });
        return route;
    }

    public static Command BuildRequest(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var request = new Command("request", "Cooperation requests: draft, draft-trace, set, check, render, validate, status, list, of-case");
        request.Subcommands.Add(Draft(host));
        request.Subcommands.Add(Set(host));
        request.Subcommands.Add(Check(host));
        request.Subcommands.Add(Render(host));
        request.Subcommands.Add(Validate(host));
        request.Subcommands.Add(Status(host));
        request.Subcommands.Add(List(host));
        request.Subcommands.Add(CaseRequestCommands.DraftFromTrace(host));
        request.Subcommands.Add(CaseRequestCommands.OfCase(host));
        return request;
    }

    private static Command Draft(CliHost host)
    {
        var from = new Option<string>("--from") { Description = "Requesting State", Required = true };
        var findings = new Option<string>("--findings") { Description = "JSON file of trace findings (docs/legal.md)", Required = true };
        var measures = new Option<string[]>("--measure") { Description = "Measure(s) to request", Required = true, AllowMultipleArgumentsPerToken = true };
        var caseRef = new Option<string?>("--case") { Description = "Case reference" };
        var authority = new Option<string?>("--authority") { Description = "Requesting/issuing authority" };
        var offence = new Option<string?>("--offence") { Description = "Offence and summary of facts" };
        var language = new Option<string?>("--language") { Description = "Request language: en, fr or de (default: one the addressee accepts, else English with a note)" };
        var urgent = new Option<bool>("--urgent") { Description = "Urgent request" };
        var rule = new Option<string?>("--rule") { Description = "Draft on this route (rule id, as `cairn route` lists them) instead of the best-ranked one" };
        var rank = new Option<int?>("--route") { Description = "Draft on the route of this rank (as `cairn route` numbers them)" };
        var command = new Command("draft", "Draft one request per requested State and measure from trace findings, on the best route or the one chosen")
            { from, findings, measures, caseRef, authority, offence, OffenceType, language, urgent, rule, rank, On };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            var result = await service.DraftFromFileAsync(actor, parse.GetValue(findings)!, new DraftInput(parse.GetValue(caseRef), parse.GetValue(from)!, [], parse.GetValue(measures)!, parse.GetValue(urgent),
                parse.GetValue(language), parse.GetValue(authority), parse.GetValue(offence), parse.GetValue(OffenceType), parse.GetValue(rule), parse.GetValue(rank),
                RouteDate.ParseOptional(parse.GetValue(On))), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(result);
            else
            {
                foreach (var draft in result.Drafts)
                    ctx.Console.MarkupLine($"drafted [bold]{Markup.Escape(draft.Id)}[/]: {draft.RequestType} to {draft.RequestedState} under {Markup.Escape(draft.LegalBasis)} (route {draft.RouteRank}; to {Markup.Escape(draft.Addressee ?? "-")}; in {draft.Language}{(draft.FormId is null ? "" : $"; form {draft.FormId}")})");
                foreach (var line in result.Unroutable) ctx.Console.MarkupLine($"[yellow]not drafted[/] {Markup.Escape(line)}");
            }
            return CliHost.Success;
        });
        return command;
    }

    private static Command Set(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Request id" };
        var item = new Option<string>("--item") { Description = "Content item id (see `request check`)", Required = true };
        var text = new Option<string>("--text") { Description = "Text of the item", Required = true };
        var command = new Command("set", "Fill a content item of a draft request") { id, item, text };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            var requestId = parse.GetValue(id)!;
            var report = await service.SetContentAsync(actor, requestId, parse.GetValue(item)!, parse.GetValue(text)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            return PrintCompleteness(ctx, requestId, report);
        });
        return command;
    }

    private static Command Check(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Request id" };
        var command = new Command("check", "Check a request against its instrument's required contents") { id };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            var requestId = parse.GetValue(id)!;
            return PrintCompleteness(ctx, requestId, await service.CheckAsync(actor, requestId, cancellationToken: cancellationToken).ConfigureAwait(false));
        });
        return command;
    }

    private static Command Render(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Request id" };
        var format = new Option<string>("--format") { Description = "docx, pdf or json", DefaultValueFactory = _ => "docx" };
        var output = new Option<string?>("--out") { Description = "Output file (default: <id>.<format> in the current directory)" };
        var command = new Command("render", "Render a request as DOCX, PDF or JSON in its language (logged with the file's SHA-256)") { id, format, output };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            var written = await service.RenderToFileAsync(actor, parse.GetValue(id)!, parse.GetValue(format), parse.GetValue(output), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(written);
            else ctx.Console.MarkupLine($"wrote {Markup.Escape(written.Path)} (sha256 {written.Sha256})");
            return CliHost.Success;
        });
        return command;
    }

    private static Command Status(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Request id" };
        var to = new Option<string?>("--to") { Description = "New status: ready, sent, acknowledged, executed, partially_executed, refused, withdrawn, draft" };
        var toArgument = new Argument<string?>("status") { Description = "New status (the same as --to)", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string?>("--at") { Description = "When the step happened (ISO 8601; default now)" };
        var ground = new Option<string?>("--ground") { Description = "Refusal ground given by the requested State" };
        var note = new Option<string?>("--note") { Description = "Note for the history" };
        var foreign = new Option<string?>("--foreign-reference") { Description = "The requested State's reference for the request" };
        var command = new Command("status", "Show a request's status and deadlines, or move it to a new status (back-dated with --at, never in the future)") { id, toArgument, to, at, ground, note, foreign };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            if (parse.GetValue(to) is { } option && parse.GetValue(toArgument) is { } argument && !string.Equals(option, argument, StringComparison.OrdinalIgnoreCase))
                throw new ValidationException("to", $"two new statuses given ('{argument}' and --to '{option}'): give one");
            var move = (parse.GetValue(to) ?? parse.GetValue(toArgument)) is { } target
                ? new StatusRequest(target, LegalRequestService.ParseTime(parse.GetValue(at)), parse.GetValue(note), parse.GetValue(ground), parse.GetValue(foreign))
                : null;
            var status = await service.StatusAsync(actor, parse.GetValue(id)!, move, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(status);
            else
            {
                ctx.Console.MarkupLine($"[bold]{Markup.Escape(status.Id)}[/]: {status.Status}{(status.RefusalGround is null ? "" : " — " + Markup.Escape(status.RefusalGround))}");
                if (status.Validation is { } validation) ctx.Console.MarkupLine(Markup.Escape(validation.Words));
                PrintDeadlines(ctx, status.Deadlines);
            }
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn request validate ID`: the validation its instrument requires before it is sent (docs/legal.md, "Validation before sending").</summary>
    private static Command Validate(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Request id" };
        var command = new Command("validate", "Validate a ready request for sending, as its instrument requires (the acting user's account needs the role it names)") { id };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            var validation = await service.ValidateAsync(actor, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(validation);
            else ctx.Output.WriteLine($"{parse.GetValue(id)}: {validation.Words}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var due = new Option<bool>("--due") { Description = "Only overdue and due-soon deadlines (reminders)" };
        var caseRef = new Option<string?>("--case") { Description = "Only the requests of this case" };
        var status = new Option<string?>("--status") { Description = "Only requests in this status" };
        var state = new Option<string?>("--state") { Description = "Only requests to this State (ISO 3166-1 alpha-2)" };
        var instrument = new Option<string?>("--instrument") { Description = "Only requests under this instrument (id)" };
        var deadline = new Option<string?>("--deadline") { Description = "Only requests with a deadline: overdue, due_soon or any" };
        var command = new Command("list", "List the acting agency's requests (filtered), or the overdue and due-soon deadlines") { due, caseRef, status, state, instrument, deadline };
        SetRequestAction(host, command, async (ctx, parse, service, actor, cancellationToken) =>
        {
            if (parse.GetValue(due))
            {
                var reminders = (await service.DueAsync(actor, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
                if (ctx.Json) ctx.WriteJson(reminders);
                else PrintDeadlines(ctx, reminders);
                return CliHost.Success;
            }
            var filter = new RequestFilter(parse.GetValue(caseRef), parse.GetValue(status), parse.GetValue(state), parse.GetValue(instrument), parse.GetValue(deadline));
            var requests = (await service.ListAsync(actor, filter, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
            if (ctx.Json) ctx.WriteJson(requests);
            else
            {
                var table = new Table().AddColumns("id", "type", "to", "measure", "status", "legal basis");
                foreach (var r in requests) table.AddRow(Markup.Escape(r.Id), r.RequestType, r.RequestedState, r.Measure, r.Status, Markup.Escape(r.LegalBasis));
                ctx.Console.Write(table);
            }
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>Request commands: one call into <see cref="LegalRequestService"/> as the acting user (every call a custody-log entry).</summary>
    private static void SetRequestAction(CliHost host, Command command, Func<CliContext, ParseResult, LegalRequestService, Actor, CancellationToken, Task<int>> action) =>
        host.SetAction(command, (ctx, parse, cancellationToken) => action(ctx, parse, ctx.Get<LegalRequestService>(), ctx.Actor, cancellationToken));

    private static int PrintCompleteness(CliContext ctx, string requestId, CompletenessReport report)
    {
        if (ctx.Json) ctx.WriteJson(report);
        else
        {
            ctx.Console.MarkupLine(report.Complete ? $"[green]{Markup.Escape(requestId)} is complete[/]" : $"[yellow]{Markup.Escape(requestId)} is missing {report.Missing.Count} item(s):[/]");
            foreach (var item in report.Missing) ctx.Console.MarkupLine($"  {item.Id}: {Markup.Escape(item.Label)} ({Markup.Escape(item.Citation)})");
        }
        return CliHost.Success;
    }

    private static void PrintDeadlines(CliContext ctx, IEnumerable<ComputedDeadline> deadlines)
    {
        var table = new Table().AddColumns("request", "deadline", "due (UTC)", "state", "source");
        foreach (var d in deadlines)
            table.AddRow(Markup.Escape(d.RequestId), Markup.Escape(d.Label), d.Due?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-", d.State, Markup.Escape(d.Citation));
        ctx.Console.Write(table);
    }
}
