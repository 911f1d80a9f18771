using Cairn.Core;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Workspace.Heuristics;

/// <summary>
/// The heuristics' measured error rates: the figures compiled into this build
/// (data/heuristics/figures.json, written by the bench suite <c>heuristics</c>), whole or for one
/// rule. Nothing here is computed or typed in: the figures are read as measured.
/// </summary>
public sealed class HeuristicsService
{
    private readonly HeuristicFigures _figures;

    public HeuristicsService() : this(HeuristicFigures.Embedded)
    {
    }

    public HeuristicsService(HeuristicFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _figures = figures;
    }

    /// <summary>Every rule's figures, or only <paramref name="rule"/>'s (an unknown rule is a field error naming the known ones).</summary>
    public HeuristicsReport Report(string? rule = null)
    {
        var report = HeuristicsReport.From(_figures);
        if (string.IsNullOrWhiteSpace(rule)) return report;
        var id = rule.Trim();
        if (HeuristicCatalogue.Find(id) is null)
            throw new ValidationException("rule", $"unknown heuristic rule '{id}' (one of: {string.Join(", ", HeuristicCatalogue.Rules.Select(r => r.Id))})");
        var measurements = _figures.For(id);
        var used = measurements.Select(m => m.DataSet).ToHashSet(StringComparer.Ordinal);
        return report with { Rules = [.. report.Rules.Where(r => r.Rule == id)], DataSets = [.. report.DataSets.Where(d => used.Contains(d.Id))] };
    }
}
