using System.Globalization;
using System.Numerics;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Statistics;

/// <summary>
/// Builds <see cref="PublicStatistics"/> with statistical disclosure control. Primary suppression: a non-zero cell (or a median)
/// computed from fewer than N distinct cases is shown as "&lt;N". Complementary suppression: every additive column of a group is
/// one equation (the rows add up to the published total), so a group whose total is published never has exactly one suppressed cell —
/// the smallest other non-zero cell is suppressed too (or, when there is none, the total). With at least two unknowns in the only
/// equation they appear in, no suppressed value can be recomputed. Zeros (no case at all) are published. Refusal grounds are free text
/// typed by users: a ground is named only when at least N cases share it, else counted as "other grounds".
/// </summary>
internal static class PublicReportBuilder
{
    private static readonly string[] Statuses = Enum.GetValues<RequestStatus>().Select(RequestLifecycle.Name).ToArray();

    public static PublicStatistics Build(StatisticsFacts facts, int minCell, DateOnly? from, DateOnly? to, string by)
    {
        var tables = new List<PublicStatistics.Table>
        {
            Requests(facts, minCell),
            Refusals(facts, minCell),
            Amounts(facts, minCell),
        };
        return new PublicStatistics(minCell, from, to, by, tables);
    }

    private static PublicStatistics.Table Requests(StatisticsFacts facts, int minCell)
    {
        string[] columns = ["cases", .. Statuses, "median_days_to_acknowledgement", "median_days_to_execution"];
        var rows = facts.Requests.GroupBy(r => (r.State, r.Instrument, r.Period))
            .OrderBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Instrument, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .Select(g => new Draft("all", [g.Key.State, g.Key.Instrument, g.Key.Period], RequestCells(g.ToList()))).ToList();
        var total = new Draft("all", ["all States", "all instruments", "all periods"], RequestCells(facts.Requests));
        return Finish("requests", "Requests by requested State, instrument and period", ["state", "instrument", "period"], columns, [.. columns.Take(1 + Statuses.Length)], rows, [total], minCell);
    }

    private static List<Cell> RequestCells(IReadOnlyCollection<StatisticsFacts.Request> requests)
    {
        var cells = new List<Cell> { Cell.Count(requests.Select(r => r.CaseKey).Distinct().Count(), requests.Select(r => r.CaseKey)) };
        foreach (var status in Statuses)
        {
            var of = requests.Where(r => r.Status == status).ToList();
            cells.Add(Cell.Count(of.Count, of.Select(r => r.CaseKey)));
        }
        var acknowledged = requests.Where(r => r.DaysToAcknowledgement is not null).ToList();
        var executed = requests.Where(r => r.DaysToExecution is not null).ToList();
        cells.Add(Cell.Median(StatisticsFacts.Median(acknowledged.Select(r => r.DaysToAcknowledgement)), acknowledged.Select(r => r.CaseKey)));
        cells.Add(Cell.Median(StatisticsFacts.Median(executed.Select(r => r.DaysToExecution)), executed.Select(r => r.CaseKey)));
        return cells;
    }

    private static PublicStatistics.Table Refusals(StatisticsFacts facts, int minCell)
    {
        var refused = facts.Requests.Where(r => r.RefusalGround is not null).Select(r => r with { RefusalGround = r.RefusalGround!.Trim().ToLowerInvariant() }).ToList();
        var shared = refused.GroupBy(r => r.RefusalGround!).Where(g => g.Select(r => r.CaseKey).Distinct().Count() >= minCell).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var rows = refused.GroupBy(r => shared.Contains(r.RefusalGround!) ? r.RefusalGround! : "other grounds")
            .OrderBy(g => g.Key == "other grounds").ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Draft("all", [g.Key], [Cell.Count(g.Count(), g.Select(r => r.CaseKey)), Cell.Count(g.Select(r => r.CaseKey).Distinct().Count(), g.Select(r => r.CaseKey))])).ToList();
        var total = new Draft("all", ["all grounds"], [Cell.Count(refused.Count, refused.Select(r => r.CaseKey)), Cell.Count(refused.Select(r => r.CaseKey).Distinct().Count(), refused.Select(r => r.CaseKey))]);
        return Finish("refusals", "Refusals by ground", ["ground"], ["refusals", "cases"], ["refusals", "cases"], rows, [total], minCell);
    }

    private static PublicStatistics.Table Amounts(StatisticsFacts facts, int minCell)
    {
        string[] columns = ["cases", .. StatisticsFacts.Measures.Select(m => m + "_base_units")];
        static string Asset(StatisticsFacts.Movement m) => $"{m.Token} on {m.Chain}";
        List<Cell> Cells(IReadOnlyCollection<StatisticsFacts.Movement> movements)
        {
            var cells = new List<Cell> { Cell.Count(movements.Select(m => m.CaseKey).Distinct().Count(), movements.Select(m => m.CaseKey)) };
            foreach (var measure in StatisticsFacts.Measures)
            {
                var of = movements.Where(m => m.Measure == measure).ToList();
                cells.Add(Cell.Count(of.Aggregate(BigInteger.Zero, (a, m) => a + m.Amount), of.Select(m => m.CaseKey)));
            }
            return cells;
        }
        var rows = facts.Movements.GroupBy(m => (m.State, m.Period, Asset: Asset(m)))
            .OrderBy(g => g.Key.Asset, StringComparer.Ordinal).ThenBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .Select(g => new Draft(g.Key.Asset, [g.Key.State, g.Key.Period, g.Key.Asset], Cells(g.ToList()))).ToList();
        var totals = facts.Movements.GroupBy(Asset).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Draft(g.Key, ["all States", "all periods", g.Key], Cells(g.ToList()))).ToList();
        return Finish("amounts", "Amounts frozen, seized, confiscated, returned and shared (base units) by State of the acting authority, period and asset",
            ["state", "period", "asset"], columns, columns, rows, totals, minCell);
    }

    private static PublicStatistics.Table Finish(string name, string title, string[] labels, string[] columns, string[] additive, List<Draft> rows, List<Draft> totals, int minCell)
    {
        foreach (var cell in rows.Concat(totals).SelectMany(r => r.Cells))
            cell.Suppressed = cell.HasValue && cell.Cases < minCell;
        // A row about fewer than N cases says nothing at all, not even its zeros (column 0 counts the row's cases).
        foreach (var row in rows.Concat(totals).Where(r => r.Cells[0].Suppressed))
            foreach (var cell in row.Cells) cell.Suppressed = true;
        // Complementary suppression, repeated until no group has exactly one suppressed cell beside a published total.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var column in additive.Select(c => Array.IndexOf(columns, c)))
                foreach (var total in totals)
                {
                    var members = rows.Where(r => r.Group == total.Group).Select(r => r.Cells[column]).ToList();
                    if (total.Cells[column].Suppressed || members.Count(c => c.Suppressed) != 1) continue;
                    var next = members.Where(c => !c.Suppressed && c.HasValue).OrderBy(c => c.Value).FirstOrDefault() ?? total.Cells[column];
                    next.Suppressed = true;
                    changed = true;
                }
        }
        var hidden = "<" + minCell.ToString(CultureInfo.InvariantCulture);
        PublicStatistics.Row Render(Draft d) => new(d.Group, d.Labels, d.Cells.Select(c => c.Suppressed ? hidden : c.Text).ToList());
        return new PublicStatistics.Table(name, title, labels, columns, additive, rows.Select(Render).ToList(), totals.Select(Render).ToList());
    }

    private sealed record Draft(string Group, IReadOnlyList<string> Labels, IReadOnlyList<Cell> Cells);

    /// <summary>A figure and the distinct cases it is computed from; <see cref="HasValue"/> false for a zero count or a median of nothing.</summary>
    private sealed class Cell
    {
        public BigInteger Value { get; private init; }

        public string Text { get; private init; } = "";

        public int Cases { get; private init; }

        public bool HasValue { get; private init; }

        public bool Suppressed { get; set; }

        public static Cell Count(BigInteger value, IEnumerable<string> cases) => new()
        {
            Value = value, Text = value.ToString(CultureInfo.InvariantCulture), Cases = cases.Distinct(StringComparer.Ordinal).Count(), HasValue = !value.IsZero,
        };

        public static Cell Median(double? value, IEnumerable<string> cases) => new()
        {
            Value = BigInteger.Zero, Text = value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", Cases = cases.Distinct(StringComparer.Ordinal).Count(), HasValue = value is not null,
        };
    }
}
