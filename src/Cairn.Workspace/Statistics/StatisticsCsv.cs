using System.Globalization;
using System.Text;

namespace Cairn.Workspace.Statistics;

/// <summary>
/// Statistics as CSV (RFC 4180, UTF-8, CRLF) in long form, one figure per line: table, agency, state, instrument, period, asset,
/// ground, figure, value; a column that does not apply to a table is empty. The public report has no agency column values.
/// </summary>
public static class StatisticsCsv
{
    private static readonly string[] Header = ["table", "agency", "state", "instrument", "period", "asset", "ground", "figure", "value"];

    public static string Of(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = Start();
        foreach (var r in report.Requests)
        {
            void Line(string figure, string value) => Row(text, "requests", r.Agency, r.State, r.Instrument, r.Period, "", "", figure, value);
            Line("cases", Number(r.Cases));
            Line("requests", Number(r.Requests));
            foreach (var s in r.ByStatus) Line("status_" + s.Status, Number(s.Count));
            Line("median_days_to_acknowledgement", r.MedianDaysToAcknowledgement?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
            Line("median_days_to_execution", r.MedianDaysToExecution?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
            foreach (var g in r.RefusalsByGround) Row(text, "refusals", r.Agency, r.State, r.Instrument, r.Period, "", g.Ground, "refusals", Number(g.Count));
        }
        foreach (var a in report.Amounts)
        {
            var asset = $"{a.Token} on {a.Chain}";
            Row(text, "amounts", a.Agency, a.State, "", a.Period, asset, "", "cases", Number(a.Cases));
            foreach (var m in a.Measures)
            {
                Row(text, "amounts", a.Agency, a.State, "", a.Period, asset, "", m.Measure + "_base_units", m.BaseUnits);
                if (m.FiatValue is not null) Row(text, "amounts", a.Agency, a.State, "", a.Period, asset, "", $"{m.Measure}_{report.Currency.ToLowerInvariant()}", m.FiatValue);
            }
        }
        return text.ToString();
    }

    public static string Of(PublicStatistics report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = Start();
        foreach (var table in report.Tables)
            foreach (var row in table.Rows.Concat(table.Totals))
            {
                string Label(string name) => table.Labels.ToList().IndexOf(name) is var i and >= 0 ? row.Labels[i] : "";
                for (var c = 0; c < table.Columns.Count; c++)
                    Row(text, table.Name, "", Label("state"), Label("instrument"), Label("period"), Label("asset"), Label("ground"), table.Columns[c], row.Cells[c]);
            }
        return text.ToString();
    }

    private static StringBuilder Start()
    {
        var text = new StringBuilder();
        Row(text, Header);
        return text;
    }

    private static void Row(StringBuilder text, params string[] fields)
    {
        text.Append(string.Join(",", fields.Select(Quote))).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
