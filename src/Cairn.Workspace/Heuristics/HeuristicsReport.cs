using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Workspace.Heuristics;

/// <summary>
/// The measured error rates of every heuristic, as <c>cairn heuristics report --json</c> prints
/// them and <c>GET /api/v1/heuristics</c> answers: when and how they were measured (the command
/// reproduces them), each rule with its measurements (strongest evidence first), and the data sets
/// with their provenance.
/// </summary>
public sealed record HeuristicsReport
{
    public required string Format { get; init; }
    public required string MeasuredAt { get; init; }
    public required string Command { get; init; }
    public required string CodeCommit { get; init; }
    public required IReadOnlyList<RuleFigures> Rules { get; init; }
    public required IReadOnlyList<MeasuredDataSet> DataSets { get; init; }

    /// <summary>One rule: its id, what it decides, what it says, where it comes from, and its measurements.</summary>
    public sealed record RuleFigures(string Rule, HeuristicKind Kind, string Title, string Source, IReadOnlyList<RuleMeasurement> Measurements);

    public static HeuristicsReport From(HeuristicFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new HeuristicsReport
        {
            Format = figures.Format,
            MeasuredAt = figures.MeasuredAt,
            Command = figures.Command,
            CodeCommit = figures.CodeCommit,
            Rules = [.. HeuristicCatalogue.Rules.Select(r => new RuleFigures(r.Id, r.Kind, r.Title, r.Source, figures.For(r.Id)))],
            DataSets = figures.DataSets,
        };
    }
}
