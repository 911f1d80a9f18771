using System.CommandLine;
using System.Globalization;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.Workspace.Heuristics;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn heuristics report [--rule RULE] [--json]`: every heuristic's measured precision and
/// recall with intervals and supports, the data sets and the command that measured them (one call
/// into <see cref="HeuristicsService"/>, as GET /api/v1/heuristics). docs/heuristics.md explains them.
/// </summary>
internal static class HeuristicsCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var rule = new Option<string?>("--rule") { Description = "Only this rule (e.g. multi_input, address_reuse, whirlpool, peel_chain)" };
        var report = new Command("report", "Measured precision and recall of every heuristic, with the data sets and the command that measured them") { rule };
        host.SetAction(report, (context, parse) =>
        {
            var result = context.Get<HeuristicsService>().Report(parse.GetValue(rule));
            if (context.Json) context.WriteJson(result);
            else Print(context, result);
            return CliHost.Success;
        });
        return new Command("heuristics", "The heuristics' measured error rates (docs/heuristics.md)") { report };
    }

    private static void Print(CliContext context, HeuristicsReport report)
    {
        context.Output.WriteLine($"measured {report.MeasuredAt}{(report.CodeCommit.Length > 0 ? $" (code {report.CodeCommit[..Math.Min(12, report.CodeCommit.Length)]})" : "")}; reproduce: {report.Command}");
        var table = new Table().AddColumns("rule", "data set", "evidence", "precision (95% CI)", "n", "recall (95% CI)", "n");
        foreach (var rule in report.Rules)
            foreach (var m in rule.Measurements)
                table.AddRow(Markup.Escape(rule.Rule), Markup.Escape(m.DataSet), Words(m.Evidence), Rate(m.Precision, m.PrecisionInterval), Count(m.PrecisionSupport),
                    Rate(m.Recall, m.RecallInterval), Count(m.RecallSupport));
        context.Console.Write(table);
        context.Output.WriteLine("evidence: only 'independent' figures speak to the error rate in the world; self-consistency figures come from data built with the rule's own assumption");
    }

    internal static string Words(EvidenceKind evidence) => evidence switch
    {
        EvidenceKind.IndependentReal => "independent (real)",
        EvidenceKind.IndependentEmulated => "independent (emulated)",
        EvidenceKind.PeerAgreement => "peer agreement",
        EvidenceKind.Synthetic => "synthetic",
        _ => "self-consistency",
    };

    private static string Rate(double? value, WilsonInterval? interval) => value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0} % ({interval!.Low * 100:0.0}–{interval.High * 100:0.0})")
        : "—";

    private static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";
}
