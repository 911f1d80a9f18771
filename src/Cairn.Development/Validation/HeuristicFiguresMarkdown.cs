using System.Globalization;
using System.Text;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>
/// The figures as the Markdown tables of docs/heuristics.md (between <see cref="Begin"/> and
/// <see cref="End"/>), written by the bench suite and checked by a test against the committed
/// figures file, so the page never shows a number that was not measured.
/// </summary>
public static class HeuristicFiguresMarkdown
{
    public const string Begin = "<!-- figures:begin (written by the bench suite \"heuristics\"; do not edit) -->";
    public const string End = "<!-- figures:end -->";

    public static string Render(HeuristicFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Measured {figures.MeasuredAt}{(figures.CodeCommit.Length > 0 ? $" with the code of commit `{figures.CodeCommit[..Math.Min(12, figures.CodeCommit.Length)]}`" : "")} ({figures.Format}). Reproduce:\n\n");
        text.Append(CultureInfo.InvariantCulture, $"```\n{figures.Command}\n```\n\n");
        text.Append("Precision and recall with their 95 % Wilson intervals and the counts they rest on (support). "
            + "Evidence, strongest first: independent (real), independent (emulated), peer agreement, synthetic, self-consistency. "
            + "Only the first two speak to the error rate in the world.\n\n");
        text.Append("| rule | data set | evidence | precision | support | recall | support | unit |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var rule in HeuristicCatalogue.Rules)
            foreach (var m in figures.For(rule.Id))
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{rule.Id}` | `{m.DataSet}` | {Words(m.Evidence)} | {Rate(m.Precision, m.PrecisionInterval)} | {Count(m.PrecisionSupport)} | {Rate(m.Recall, m.RecallInterval)} | {Count(m.RecallSupport)} | {m.Unit} |\n");
        text.Append("\n### Data sets\n\n| id | what | period | transactions | labels | sources |\n|---|---|---|---|---|---|\n");
        foreach (var set in figures.DataSets)
            text.Append(CultureInfo.InvariantCulture,
                $"| `{set.Id}` | {Cell(set.Title)} | {set.Period} | {set.Transactions:N0} | {Cell(set.Labels)} | {Sources(set.Sources)} |\n");
        text.Append("\n### What each figure counted\n\n");
        foreach (var rule in HeuristicCatalogue.Rules)
            foreach (var m in figures.For(rule.Id))
                text.Append(CultureInfo.InvariantCulture, $"* `{rule.Id}` on `{m.DataSet}`: {Cell(m.Note)}\n");
        return text.ToString();
    }

    /// <summary>Replaces the figures section of <paramref name="page"/> (between the markers) with <paramref name="figures"/>.</summary>
    public static string ReplaceSection(string page, HeuristicFigures figures)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new Core.CairnException($"the page has no figures section ({Begin} … {End})");
        return page[..(start + Begin.Length)] + "\n" + Render(figures) + page[end..];
    }

    /// <summary>The figures section of <paramref name="page"/> as it stands (what the test compares).</summary>
    public static string SectionOf(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? "" : page[(start + Begin.Length + 1)..end];
    }

    public static string Words(EvidenceKind evidence) => evidence switch
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

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Sources(IReadOnlyList<DataSource> sources) => sources.Count == 0 ? "this repository" :
        string.Join("<br>", sources.Select(s => $"{s.Repository.Replace("https://github.com/", "", StringComparison.Ordinal)}@{s.Commit[..Math.Min(7, s.Commit.Length)]} `{s.Path}` ({s.Licence}; sha256 {s.Sha256[..12]}…)"));
}
