namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// A data set heuristics were measured on: its id (what measurements name), a title, the period
/// its transactions come from, how many it holds, how its labels were made, and its sources.
/// </summary>
public sealed record MeasuredDataSet
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>When the data's transactions were made (e.g. "2018-07 – 2024-05"; "generated" for the synthetic chain).</summary>
    public required string Period { get; init; }

    public required long Transactions { get; init; }

    /// <summary>Where the labels (ground truth) come from.</summary>
    public required string Labels { get; init; }

    public IReadOnlyList<DataSource> Sources { get; init; } = [];
}
