namespace Cairn.Workspace.Statistics;

/// <summary>
/// Outcome statistics (issue 18, docs/statistics.md) of one agency or, for auditors and administrators, of all: per agency, requested
/// State, instrument and period the requests by status, the median days from sending to acknowledgement and to execution, refusals by
/// ground; per agency, State of the acting authority, period and asset the amounts frozen, seized, confiscated, returned and shared in
/// base units, with their value in <see cref="Currency"/> where the rate tables give a rate on every day involved.
/// </summary>
public sealed record StatisticsReport(string Scope, DateOnly? From, DateOnly? To, string By, string Currency,
    IReadOnlyList<StatisticsReport.RequestLine> Requests, IReadOnlyList<StatisticsReport.AmountLine> Amounts)
{
    public sealed record RequestLine(string Agency, string State, string Instrument, string Period, int Cases, int Requests, IReadOnlyList<StatusCount> ByStatus,
        double? MedianDaysToAcknowledgement, int Acknowledged, double? MedianDaysToExecution, int Executed, IReadOnlyList<GroundCount> RefusalsByGround);

    public sealed record StatusCount(string Status, int Count);

    public sealed record GroundCount(string Ground, int Count);

    public sealed record AmountLine(string Agency, string State, string Period, string Chain, string Token, int? Decimals, int Cases, IReadOnlyList<MeasureAmount> Measures);

    /// <summary>One measure's total: base units (decimal string) and the value in the report's currency, or why there is none.</summary>
    public sealed record MeasureAmount(string Measure, string BaseUnits, string? Units, string? FiatValue, string? NoRate);
}
