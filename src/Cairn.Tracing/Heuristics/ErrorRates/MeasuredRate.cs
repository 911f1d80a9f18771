namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// A rule's measured precision and recall on one data set, as a trace quotes it beside each step
/// it took: the data set, when its transactions were made, how strong the evidence is, and the
/// figures with their 95 % Wilson intervals and supports (null where not measurable there).
/// </summary>
public sealed record MeasuredRate(
    string Rule,
    string DataSet,
    string DataSetPeriod,
    EvidenceKind Evidence,
    double? Precision,
    WilsonInterval? PrecisionInterval,
    long? PrecisionSupport,
    double? Recall,
    WilsonInterval? RecallInterval,
    long? RecallSupport,
    string FiguresMeasuredAt)
{
    public static MeasuredRate Of(RuleMeasurement measurement, HeuristicFigures figures)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(figures);
        return new(measurement.Rule, measurement.DataSet, figures.DataSet(measurement.DataSet)?.Period ?? "", measurement.Evidence,
            measurement.Precision, measurement.PrecisionInterval, measurement.PrecisionSupport,
            measurement.Recall, measurement.RecallInterval, measurement.RecallSupport, figures.MeasuredAt);
    }
}
