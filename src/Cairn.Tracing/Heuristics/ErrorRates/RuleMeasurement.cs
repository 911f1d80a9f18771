namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// One rule measured on one data set: the confusion counts, precision (share of the rule's
/// verdicts that were right) and recall (share of the true cases it found), each with its 95 %
/// Wilson interval, and what was counted. <see cref="FalseNegatives"/> is null when the data set
/// cannot tell what the rule missed (then recall is not measured), <see cref="FalsePositives"/>
/// when it holds no negatives (then precision is not measured). Counts are of transactions,
/// except for clustering (pairs of addresses) and peel chains (chains).
/// </summary>
public sealed record RuleMeasurement
{
    public required string Rule { get; init; }
    public required string DataSet { get; init; }
    public required EvidenceKind Evidence { get; init; }
    public required string Unit { get; init; }
    public required long TruePositives { get; init; }
    public long? FalsePositives { get; init; }
    public long? FalseNegatives { get; init; }
    public double? Precision { get; init; }
    public WilsonInterval? PrecisionInterval { get; init; }
    public double? Recall { get; init; }
    public WilsonInterval? RecallInterval { get; init; }

    /// <summary>How many verdicts the precision rests on (true + false positives), or null.</summary>
    public long? PrecisionSupport => FalsePositives is { } wrong ? TruePositives + wrong : null;

    /// <summary>How many true cases the recall rests on (true positives + false negatives), or null.</summary>
    public long? RecallSupport => FalseNegatives is { } missed ? TruePositives + missed : null;

    /// <summary>What was counted and why the figure means what it means (the data set's assumptions included).</summary>
    public required string Note { get; init; }

    /// <summary>Builds the figures from the counts (precision and recall rounded to 6 places).</summary>
    public static RuleMeasurement From(string rule, string dataSet, EvidenceKind evidence, string unit, long truePositives, long? falsePositives, long? falseNegatives, string note)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(truePositives);
        var fired = falsePositives is { } wrong ? truePositives + wrong : (long?)null;
        var positives = falseNegatives is { } missed ? truePositives + missed : (long?)null;
        return new RuleMeasurement
        {
            Rule = rule,
            DataSet = dataSet,
            Evidence = evidence,
            Unit = unit,
            TruePositives = truePositives,
            FalsePositives = falsePositives,
            FalseNegatives = falseNegatives,
            Precision = fired is null or 0 ? null : Math.Round((double)truePositives / fired.Value, 6),
            PrecisionInterval = fired is { } n ? WilsonInterval.Of(truePositives, n) : null,
            Recall = positives is null or 0 ? null : Math.Round((double)truePositives / positives.Value, 6),
            RecallInterval = positives is { } p ? WilsonInterval.Of(truePositives, p) : null,
            Note = note,
        };
    }
}
