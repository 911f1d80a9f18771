using System.Globalization;
using Cairn.Core;

namespace Cairn.Workspace.Statistics;

/// <summary>
/// Which figures: the period (<c>from</c>, <c>to</c>, inclusive UTC dates; open when null), grouped by month, quarter or year
/// (<c>by</c>), amounts valued in <c>currency</c> (ISO 4217; default EUR) where the rate tables give a rate, and for auditors and
/// administrators one agency (<c>agency</c>) or all (null). Everyone else sees their own agency's figures only.
/// </summary>
public sealed record StatisticsQuery(DateOnly? From = null, DateOnly? To = null, string? By = null, string? Currency = null, string? Agency = null)
{
    /// <summary>The query as the shells receive it: dates as YYYY-MM-DD text, refused on their field when malformed.</summary>
    public static StatisticsQuery Parse(string? from, string? to, string? by, string? currency, string? agency) =>
        new(Day(from, "from"), Day(to, "to"), by, currency, agency);

    private static DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ValidationException(field, $"'{text}' is not a date (YYYY-MM-DD)");
    }
}
