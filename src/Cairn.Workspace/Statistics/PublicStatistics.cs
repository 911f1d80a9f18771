namespace Cairn.Workspace.Statistics;

/// <summary>
/// The public aggregate report (issue 18, docs/statistics.md): tables of States, instruments, periods, assets and refusal grounds only
/// (no agency, case, name, address or victim), every cell counting fewer than <see cref="MinCell"/> cases shown as "&lt;N", and
/// complementary suppression so that no suppressed cell can be worked out from a published total.
/// </summary>
public sealed record PublicStatistics(int MinCell, DateOnly? From, DateOnly? To, string By, IReadOnlyList<PublicStatistics.Table> Tables)
{
    /// <summary>
    /// One table: <see cref="Labels"/> name the label columns, <see cref="Columns"/> the figures. Each row belongs to a <c>group</c>
    /// (e.g. an asset) whose totals row adds up its additive columns over all rows of the group, suppressed ones included.
    /// </summary>
    public sealed record Table(string Name, string Title, IReadOnlyList<string> Labels, IReadOnlyList<string> Columns, IReadOnlyList<string> AdditiveColumns,
        IReadOnlyList<Row> Rows, IReadOnlyList<Row> Totals);

    public sealed record Row(string Group, IReadOnlyList<string> Labels, IReadOnlyList<string> Cells);
}
