using System.CommandLine;
using Cairn.Cases.Ledger;
using Cairn.Workspace.Cases;
using Spectre.Console;

namespace Cairn.Cli.Commands;

internal static partial class CaseCommands
{
    /// <summary>`cairn case dashboard`: the case's front page (per jurisdiction: traced, requested, recovered; next deadlines; latest activity).</summary>
    private static Command BuildDashboard(CliHost host)
    {
        var fiat = new Option<string?>("--fiat") { Description = "Also value what was traced and recovered in this currency (USD, EUR, …) where the rate tables give a rate" };
        var command = new Command("dashboard", "A case's front page: traced value, requests and recovery per jurisdiction, next deadlines, open alerts, latest activity") { CaseOption, fiat };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var board = await ctx.Get<CaseDashboardService>().GetAsync(ctx.Actor, parse.GetValue(CaseOption)!, parse.GetValue(fiat), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(board);
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"{board.CaseReference}: {board.Title} ({board.Status}){(board.TraceId is null ? "; no saved Bitcoin trace" : $"; traced in {board.TraceTitle} ({board.TraceId})")}");
            var states = new Table().AddColumns("State", "traced (BTC)", "services", "requests", "frozen", "seized", "confiscated", "returned or shared", "received");
            foreach (var j in board.Jurisdictions)
            {
                string Sum(Func<StateTotals, System.Numerics.BigInteger> pick, Func<CaseDashboard.RecoveryValue, Cairn.Valuation.Rates.FiatValue?> value) =>
                    string.Join("; ", j.Recovery.Where(r => !pick(r).IsZero).Select(r => AssetDecimals.Describe(pick(r), new AssetKey(r.Chain, r.Token, ""), null)
                        + (board.Currency is null ? "" : " (" + (j.RecoveryValues.FirstOrDefault(v => v.Chain == r.Chain && v.Token == r.Token) is { } v && value(v) is { } f ? $"{f.Value} {f.Currency}" : "no rate") + ")")));
                var traced = j.TracedSat == "0" || board.Currency is null ? j.TracedBtc : $"{j.TracedBtc} ({(j.TracedValue is null ? "no rate" : $"{j.TracedValue} {board.Currency}")})";
                states.AddRow(j.State, traced, Markup.Escape(string.Join(", ", j.Services)), string.Join(", ", j.Requests.Select(r => $"{r.Count} {r.Status}")),
                    Markup.Escape(Sum(r => r.Frozen, v => v.Frozen)), Markup.Escape(Sum(r => r.Seized, v => v.Seized)), Markup.Escape(Sum(r => r.Confiscated, v => v.Confiscated)),
                    Markup.Escape(Sum(r => r.Returned, v => v.Returned)), Markup.Escape(Sum(r => r.Received, v => v.Received)));
            }
            ctx.Console.Write(states);
            var deadlines = new Table().AddColumns("due", "request", "State", "deadline", "overdue");
            foreach (var d in board.Deadlines)
                deadlines.AddRow(Time(d.Due), d.RequestId, d.State, Markup.Escape(d.Label), d.Overdue ? "yes" : "");
            ctx.Console.Write(deadlines);
            ctx.Output.WriteLine(board.OpenAlerts == 0 ? "No open alert." : $"{board.OpenAlerts} open alert(s): cairn alerts --case {board.CaseReference}");
            foreach (var a in board.LatestOpenAlerts)
                ctx.Output.WriteLine($"  {Time(a.RaisedAt)} {a.Kind} {a.Amount} base units of {a.Asset}{(a.ActorLabel is null ? "" : $" to {a.ActorLabel}")}");
            var activity = new Table().AddColumns("when", "what", "", "by");
            foreach (var a in board.LatestActivity)
                activity.AddRow(Time(a.At), $"{a.Kind} {a.Code}", Markup.Escape(a.Text), Markup.Escape($"{a.By}@{a.Agency}"));
            ctx.Console.Write(activity);
            if (board.Victims.Count > 0)
            {
                var victims = new Table().AddColumns("victim", "asset", "lost", "received", "awaiting approval", "still owed");
                foreach (var v in board.Victims)
                    foreach (var a in v.Assets)
                    {
                        var asset = new AssetKey(a.Chain, a.Token, "");
                        string Text(string baseUnits) => AssetDecimals.Describe(System.Numerics.BigInteger.Parse(baseUnits, System.Globalization.CultureInfo.InvariantCulture), asset, a.Decimals);
                        victims.AddRow(Markup.Escape(v.Name), Markup.Escape($"{a.Token} ({a.Chain})"), Markup.Escape(Text(a.Lost)), Markup.Escape(Text(a.Received)),
                            Markup.Escape(Text(a.AwaitingApproval)), Markup.Escape(Text(a.Outstanding)));
                    }
                ctx.Console.Write(victims);
            }
            return CliHost.Success;
        });
        return command;
    }
}
