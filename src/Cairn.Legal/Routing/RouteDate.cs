using System.Globalization;
using Cairn.Core;

namespace Cairn.Legal.Routing;

/// <summary>Parses the date a route is judged on (`--on`, the API's `on`): yyyy-MM-dd, not before 1950.</summary>
public static class RouteDate
{
    public static DateOnly? ParseOptional(string? text, string name = "on") =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text, name);

    public static DateOnly Parse(string text, string name = "on")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ValidationException(name, $"malformed date '{text}' for '{name}': expected YYYY-MM-DD");
        if (date < RouteFinder.EarliestDate)
            throw new ValidationException(name, $"date {date:yyyy-MM-dd} for '{name}' is before {RouteFinder.EarliestDate:yyyy-MM-dd}: routes are judged from 1950 on");
        return date;
    }
}
