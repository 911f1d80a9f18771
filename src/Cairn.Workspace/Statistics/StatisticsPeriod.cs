using System.Globalization;
using Cairn.Core;

namespace Cairn.Workspace.Statistics;

/// <summary>Periods figures are grouped by: month ("2026-03"), quarter ("2026-Q1") or year ("2026"), of a UTC date.</summary>
public static class StatisticsPeriod
{
    public static readonly IReadOnlyList<string> Names = ["month", "quarter", "year"];

    public static string Parse(string? by)
    {
        var name = string.IsNullOrWhiteSpace(by) ? "quarter" : by.Trim().ToLowerInvariant();
        return Names.Contains(name) ? name : throw new ValidationException("by", $"'{by}' is not a period: expected month, quarter or year");
    }

    public static string Key(DateTimeOffset at, string by)
    {
        var day = at.UtcDateTime;
        return by switch
        {
            "month" => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "year" => day.Year.ToString(CultureInfo.InvariantCulture),
            _ => $"{day.Year.ToString(CultureInfo.InvariantCulture)}-Q{((day.Month - 1) / 3) + 1}",
        };
    }

    public static bool Within(DateTimeOffset at, DateOnly? from, DateOnly? to)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return (from is null || day >= from) && (to is null || day <= to);
    }
}
