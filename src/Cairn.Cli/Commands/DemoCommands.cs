using System.CommandLine;
using Cairn.Cases.Agencies;
using Cairn.Cli.Commands.Rendering;
using Cairn.Development.Demo;
using Cairn.Server.Hosting;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn demo`: the whole mission on the embedded default in one command (see
/// <see cref="DemoPipeline"/>): chain, intelligence, case, trace, requests; then the server starts
/// and prints its URL and the one-time admin password. <c>--no-serve</c> stops after the pipeline.
/// </summary>
internal static class DemoCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var txs = new Option<long>("--txs") { Description = "Size of the demo chain", DefaultValueFactory = _ => 20_000 };
        var noServe = new Option<bool>("--no-serve") { Description = "Build the demo, print it, and exit without starting the server" };
        var command = new Command("demo", "Build the demo case end to end (chain, intelligence, trace, requests) and start the server") { txs, noServe, ServeCommands.Urls };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var progress = context.Json ? null : new Progress<string>(step => context.Output.WriteLine($"… {step}"));
            var report = await new DemoPipeline(context.Services).RunAsync(parse.GetValue(txs), progress, cancellationToken).ConfigureAwait(false);
            if (context.Json) context.WriteJson(DemoSummary.Of(report));
            else Print(context, report);
            if (parse.GetValue(noServe)) return CliHost.Success;
            // The server opens the installation itself: this invocation's application lets go of it first.
            await context.DisposeAsync().ConfigureAwait(false);
            var options = new ServerOptions
            {
                DataDirectory = context.DataDirectory,
                Urls = parse.GetValue(ServeCommands.Urls)!,
                AdminAgency = DemoPipeline.Agency,
                AdminRoles = Enum.GetValues<Role>(),
            };
            context.Output.WriteLine();
            context.Output.WriteLine($"Open the URL below, sign in as 'admin' and open case {DemoPipeline.CaseReference}.");
            return await ServeCommands.RunAsync(context, options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static void Print(CliContext context, DemoReport report)
    {
        var output = context.Output;
        var ransomware = report.Scenario.Ransomware!;
        output.WriteLine();
        output.WriteLine($"Case {DemoPipeline.CaseReference} ({DemoPipeline.Agency}): {ransomware.Family} ransom of {TxView.Btc(ransomware.RansomAmountSat)} BTC paid in tx {ransomware.RansomTxId}");
        output.WriteLine($"  laundered through a CoinJoin ({ransomware.CoinJoinTxId[..16]}…) and a peel chain of {ransomware.PeelChainTxIds.Count} hops");
        output.WriteLine($"Trace (haircut, through the CoinJoin): {TxView.Btc(long.Parse(report.Trace.TracedAmountSat, System.Globalization.CultureInfo.InvariantCulture))} BTC followed, {report.Trace.Endpoints.Count} endpoints");
        foreach (var j in report.Trace.Jurisdictions)
            output.WriteLine($"  {j.Jurisdiction}: {j.AmountBtc,12} BTC at {string.Join(", ", j.Actors)}");
        output.WriteLine("Requests drafted:");
        foreach (var r in report.Requests)
            output.WriteLine($"  {r.Id,-36} {r.RequestType,-22} to {r.RequestedState} under {r.LegalBasis}");
        foreach (var line in report.Unroutable) output.WriteLine($"  not drafted: {line}");
        output.WriteLine($"({report.Elapsed.TotalSeconds:F1} s)");
    }

    /// <summary>`cairn demo --json`: the case, the scenario's ransomware, the trace's totals, the drafted requests and what could not be routed.</summary>
    private sealed record DemoSummary(string CaseReference, string Agency, DemoSummary.RansomPayment? Ransomware, DemoSummary.TraceTotals Trace,
        IReadOnlyList<DemoSummary.DraftedRequest> Requests, IReadOnlyList<string> Unroutable, double Seconds)
    {
        /// <summary>The planted ransomware case (ground truth of the demo chain), amounts as satoshi strings.</summary>
        public sealed record RansomPayment(string Family, string VictimAddress, string RansomAddress, string RansomTxid, string RansomAmountSat, IReadOnlyList<string> PeelChainTxids,
            string CoinjoinTxid, IReadOnlyList<Deposit> Deposits);

        public sealed record Deposit(string Actor, string Address, string Txid, string AmountSat);

        public sealed record TraceTotals(string TracedAmountSat, string FeesSat, string EndpointTotalSat, IReadOnlyList<Cairn.Workspace.Tracing.TraceReport.JurisdictionTotal> Jurisdictions);

        public sealed record DraftedRequest(string Id, string RequestType, string RequestedState, string Measure, string LegalBasis);

        public static DemoSummary Of(DemoReport report) => new(DemoPipeline.CaseReference, DemoPipeline.Agency, report.Scenario.Ransomware is { } r
                ? new RansomPayment(r.Family, r.VictimAddress, r.RansomAddress, r.RansomTxId, Sat(r.RansomAmountSat), r.PeelChainTxIds, r.CoinJoinTxId,
                    r.Deposits.Select(d => new Deposit(d.Actor, d.Address, d.TxId, Sat(d.AmountSat))).ToList())
                : null,
            new TraceTotals(report.Trace.TracedAmountSat, report.Trace.FeesSat, report.Trace.EndpointTotalSat, report.Trace.Jurisdictions),
            report.Requests.Select(r => new DraftedRequest(r.Id, r.RequestType, r.RequestedState, r.Measure, r.LegalBasis)).ToList(),
            report.Unroutable, Math.Round(report.Elapsed.TotalSeconds, 1));

        private static string Sat(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
