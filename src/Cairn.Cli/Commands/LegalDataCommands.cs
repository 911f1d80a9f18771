using System.CommandLine;
using System.Globalization;
using Cairn.Workspace.Legal;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn legal check` (validates the reference data: one line per problem, exit 1 if any) and
/// `cairn legal coverage [--markdown]` (per instrument: listed parties, depositary count, as-of, verified share).
/// Both read the built-in data or --legal-data DIR; neither opens a database.
/// </summary>
internal static class LegalDataCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var legal = new Command("legal", "The legal reference data: check it, show its coverage");
        var check = new Command("check", "Check the legal reference data (sources, dates, depositary counts, citations, duplicates, codes)");
        host.SetAction(check, (ctx, _) =>
        {
            var result = ctx.Get<LegalReferenceService>().Check();
            if (ctx.Json) ctx.WriteJson(result);
            else if (result.Passes) ctx.Output.WriteLine("legal data: no problem found");
            else foreach (var problem in result.Problems) ctx.Output.WriteLine(problem);
            return result.Passes ? CliHost.Success : CliHost.UserError;
        });
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as docs/legal-data.md holds it" };
        var coverage = new Command("coverage", "Coverage per instrument: listed parties, depositary count, as-of date, verified share, unverified facts") { markdown };
        host.SetAction(coverage, (ctx, parse) =>
        {
            var view = ctx.Get<LegalReferenceService>().Coverage();
            if (ctx.Json) ctx.WriteJson(view);
            else if (parse.GetValue(markdown)) ctx.Output.Write(view.Markdown);
            else
            {
                var table = new Table().AddColumns("instrument", "list", "listed", "depositary", "as of", "verified");
                foreach (var row in view.Instruments)
                    table.AddRow(Markup.Escape($"{row.InstrumentId} ({row.Instrument})"), Markup.Escape(row.Completeness), row.Listed.ToString(CultureInfo.InvariantCulture),
                        row.DepositaryCount?.ToString(CultureInfo.InvariantCulture) ?? "-", row.AsOf,
                        row.Entries == 0 ? "by rule" : $"{row.Verified}/{row.Entries}");
                ctx.Console.Write(table);
                ctx.Console.MarkupLine($"facts still unverified: {view.Unverified.Values.Sum()} ({Markup.Escape(string.Join(", ", view.Unverified.Select(u => $"{u.Key} {u.Value}")))})");
            }
            return CliHost.Success;
        });
        legal.Subcommands.Add(check);
        legal.Subcommands.Add(coverage);
        return legal;
    }
}
