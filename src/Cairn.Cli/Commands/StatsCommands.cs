using System.CommandLine;
using System.Globalization;
using Cairn.Workspace.Statistics;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn stats`: outcome statistics of the own agency (all agencies for auditors and administrators), or with --public the
/// aggregate report with small cells suppressed (docs/statistics.md); one call into <see cref="StatisticsService"/>.
/// </summary>
internal static class StatsCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var from = new Option<string?>("--from") { Description = "First day (YYYY-MM-DD, UTC) of the period" };
        var to = new Option<string?>("--to") { Description = "Last day (YYYY-MM-DD, UTC) of the period" };
        var by = new Option<string?>("--by") { Description = "Group by month | quarter | year (default quarter)" };
        var currency = new Option<string?>("--currency") { Description = "Currency of the values where the rate tables give a rate (default EUR)" };
        var agency = new Option<string?>("--of-agency") { Description = "Auditors and administrators: one agency's figures (default all)" };
        var isPublic = new Option<bool>("--public") { Description = "The public aggregate report: no agency, case, name or address; small cells suppressed" };
        var minCell = new Option<int>("--min-cell") { Description = "Public report: smallest number of cases a published cell may count (default 5)", DefaultValueFactory = _ => 5 };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (one figure per line) instead of tables" };
        var command = new Command("stats", "Requests by status, days to acknowledgement and execution, refusals by ground, amounts frozen to shared (logged)")
            { from, to, by, currency, agency, isPublic, minCell, csv };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var query = StatisticsQuery.Parse(parse.GetValue(from), parse.GetValue(to), parse.GetValue(by), parse.GetValue(currency), parse.GetValue(agency));
            var service = ctx.Get<StatisticsService>();
            if (parse.GetValue(isPublic))
            {
                var report = await service.GetPublicAsync(ctx.Actor, query, parse.GetValue(minCell), cancellationToken).ConfigureAwait(false);
                if (ctx.Json) ctx.WriteJson(report);
                else if (parse.GetValue(csv)) ctx.Output.Write(StatisticsCsv.Of(report));
                else
                    foreach (var table in report.Tables)
                    {
                        var grid = new Table().Title(Markup.Escape(table.Title)).AddColumns([.. table.Labels, .. table.Columns]);
                        foreach (var row in table.Rows.Concat(table.Totals)) grid.AddRow([.. row.Labels.Select(Markup.Escape), .. row.Cells.Select(Markup.Escape)]);
                        ctx.Console.Write(grid);
                    }
                return CliHost.Success;
            }
            var stats = await service.GetAsync(ctx.Actor, query, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(stats);
                return CliHost.Success;
            }
            if (parse.GetValue(csv))
            {
                ctx.Output.Write(StatisticsCsv.Of(stats));
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"statistics of {stats.Scope}, by {stats.By}" + (stats.From is null && stats.To is null ? "" : $", {stats.From:yyyy-MM-dd} to {stats.To:yyyy-MM-dd}"));
            var requests = new Table().AddColumns("agency", "State", "instrument", "period", "cases", "requests", "by status", "median days to ack.", "median days to execution", "refusals by ground");
            foreach (var r in stats.Requests)
                requests.AddRow(Markup.Escape(r.Agency), r.State, Markup.Escape(r.Instrument), r.Period, Number(r.Cases), Number(r.Requests),
                    Markup.Escape(string.Join(", ", r.ByStatus.Select(s => $"{s.Count} {s.Status}"))), Days(r.MedianDaysToAcknowledgement), Days(r.MedianDaysToExecution),
                    Markup.Escape(string.Join("; ", r.RefusalsByGround.Select(g => $"{g.Count} {g.Ground}"))));
            ctx.Console.Write(requests);
            var amounts = new Table().AddColumns("agency", "State", "period", "asset", "cases", "frozen", "seized", "confiscated", "returned", "shared");
            foreach (var a in stats.Amounts)
                amounts.AddRow([Markup.Escape(a.Agency), a.State, a.Period, Markup.Escape($"{a.Token} ({a.Chain})"), Number(a.Cases),
                    .. a.Measures.Select(m => Markup.Escape((m.Units is null ? $"{m.BaseUnits} base units" : $"{m.Units} {a.Token}") + (m.FiatValue is not null ? $" = {m.FiatValue} {stats.Currency}" : m.NoRate is not null && m.BaseUnits != "0" ? $" ({m.NoRate})" : "")))]);
            ctx.Console.Write(amounts);
            return CliHost.Success;
        });
        return command;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Days(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
