using System.CommandLine;
using Cairn.Workspace.Legal;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn request draft-trace` (draft from a saved trace of a case, naming the trace, with the overlap warning) and
/// `cairn request of-case` (every agency's requests for a case: deconfliction); one call each into <see cref="LegalRequestService"/>.
/// </summary>
internal static class CaseRequestCommands
{
    public static Command DraftFromTrace(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var from = new Option<string>("--from") { Description = "Requesting State", Required = true };
        var measures = new Option<string[]>("--measure") { Description = "Measure(s) to request", Required = true, AllowMultipleArgumentsPerToken = true };
        var trace = new Option<string?>("--trace") { Description = "Saved trace to draft from (default: the newest your agency saved)" };
        var urgent = new Option<bool>("--urgent") { Description = "Urgent request" };
        var authority = new Option<string?>("--authority") { Description = "Requesting/issuing authority" };
        var offence = new Option<string?>("--offence-summary") { Description = "Offence and summary of facts" };
        var acknowledge = new Option<bool>("--acknowledge-overlap") { Description = "Draft although requests to the same State exist for the case (after checking with their agency)" };
        var command = new Command("draft-trace", "Draft one request per State and measure from a saved trace of a case")
            { CaseCommands.CaseOption, from, measures, trace, urgent, authority, offence, acknowledge };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var drafted = await ctx.Get<LegalRequestService>().DraftFromTraceAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!,
                new DraftRequest(parse.GetValue(trace), parse.GetValue(from), parse.GetValue(measures), parse.GetValue(urgent), null, parse.GetValue(authority), parse.GetValue(offence),
                    AcknowledgeOverlap: parse.GetValue(acknowledge)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(drafted);
            else
            {
                foreach (var d in drafted.Drafts) ctx.Output.WriteLine($"drafted {d.Id}: {d.RequestType} to {d.RequestedState} ({d.Measure}) from trace {d.SourceTraceId}");
                foreach (var u in drafted.Unroutable) ctx.Output.WriteLine($"not routable: {u}");
            }
            return CliHost.Success;
        });
        return command;
    }

    public static Command OfCase(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("of-case", "Every agency's requests for a case: who asked which State for what (deconfliction)") { CaseCommands.CaseOption };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var all = await ctx.Get<LegalRequestService>().OfCaseAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(all);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("request", "agency", "to", "measure", "status", "drafted", "sent");
            foreach (var r in all)
                table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Agency + (r.Own ? " (yours)" : "")), r.RequestedState, r.Measure, r.Status, CaseCommands.Time(r.DraftedAt), CaseCommands.Time(r.SentAt));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }
}
