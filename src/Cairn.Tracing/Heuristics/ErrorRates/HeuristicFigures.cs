using System.Reflection;
using Cairn.Core;
using Cairn.Core.Json;

namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// The measured error rates of the heuristics: the versioned results file the bench suite
/// <c>heuristics</c> writes to data/heuristics/figures.json (format <see cref="FormatTag"/>),
/// embedded in this assembly so every report and trace quotes the figures that were measured,
/// never typed. <see cref="Command"/> reproduces them; <see cref="CodeCommit"/> is the code they
/// were measured with.
/// </summary>
public sealed record HeuristicFigures
{
    public const string FormatTag = "cairn-heuristic-figures/1";
    private const string ResourceName = "heuristics/figures.json";

    private static readonly Lazy<HeuristicFigures> EmbeddedValue = new(() =>
    {
        using var stream = typeof(HeuristicFigures).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing from {typeof(HeuristicFigures).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public required string Format { get; init; }

    /// <summary>Day the figures were measured (ISO 8601 date).</summary>
    public required string MeasuredAt { get; init; }

    /// <summary>The exact command that measured them (run at the repository root).</summary>
    public required string Command { get; init; }

    /// <summary>The git commit of the code measured (empty when not run from a git checkout).</summary>
    public string CodeCommit { get; init; } = "";

    public required IReadOnlyList<MeasuredDataSet> DataSets { get; init; }

    public required IReadOnlyList<RuleMeasurement> Measurements { get; init; }

    /// <summary>The figures compiled into this build (data/heuristics/figures.json).</summary>
    public static HeuristicFigures Embedded => EmbeddedValue.Value;

    /// <summary>A rule's measurements, strongest evidence first (then the larger sample first).</summary>
    public IReadOnlyList<RuleMeasurement> For(string rule) =>
        [.. Measurements.Where(m => m.Rule == rule).OrderBy(m => m.Evidence).ThenByDescending(m => m.PrecisionSupport ?? m.RecallSupport ?? 0)];

    public MeasuredDataSet? DataSet(string id) => DataSets.FirstOrDefault(d => d.Id == id);

    /// <summary>Every measurement of <paramref name="rule"/> as a trace quotes it, strongest evidence first.</summary>
    public IReadOnlyList<MeasuredRate> RatesFor(string rule) => [.. For(rule).Select(m => MeasuredRate.Of(m, this))];

    /// <summary>The rule's precision on the strongest evidence that measures one (null when none does).</summary>
    public MeasuredRate? HeadlinePrecision(string rule) => For(rule).Where(m => m.Precision is not null).Select(m => MeasuredRate.Of(m, this)).FirstOrDefault();

    public static HeuristicFigures Parse(string json)
    {
        var figures = CairnJson.Deserialize<HeuristicFigures>(json, "heuristic figures");
        if (figures.Format != FormatTag) throw new CairnException($"heuristic figures: format '{figures.Format}' is not {FormatTag}");
        var unknown = figures.Measurements.Select(m => m.DataSet).Where(id => figures.DataSet(id) is null).FirstOrDefault();
        if (unknown is not null) throw new CairnException($"heuristic figures: a measurement names data set '{unknown}', which is not listed");
        return figures;
    }

    /// <summary>Indented JSON, one stable layout, so a re-measurement shows as a readable diff.</summary>
    public string Serialize() => CairnJson.WriteIndented(this) + "\n";
}
