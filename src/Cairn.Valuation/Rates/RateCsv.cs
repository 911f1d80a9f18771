using System.Globalization;
using Cairn.Core;

namespace Cairn.Valuation.Rates;

/// <summary>
/// Reads a rate file: one <c>date,rate</c> per line (ISO 8601 day, e.g. <c>2024-03-01,61234.56</c>;
/// a decimal point, no thousands separators), an optional header line naming the two columns,
/// blank lines and lines starting with <c>#</c> ignored. Every day at most once; rates positive.
/// Errors name the file and line.
/// </summary>
public static class RateCsv
{
    public static IReadOnlyList<RatePoint> Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var points = new SortedDictionary<DateOnly, decimal>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var fields = text.Split(',');
            if (fields.Length != 2) throw new CairnException($"{fileName} line {lineNumber}: expected 'date,rate', got {fields.Length} field(s)");
            var dateText = fields[0].Trim().Trim('"');
            var rateText = fields[1].Trim().Trim('"');
            if (lineNumber == 1 && !char.IsAsciiDigit(dateText.FirstOrDefault())) continue; // header
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new CairnException($"{fileName} line {lineNumber}: '{dateText}' is not a date (yyyy-MM-dd)");
            if (!decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
                throw new CairnException($"{fileName} line {lineNumber}: '{rateText}' is not a positive rate (digits and a decimal point)");
            if (!points.TryAdd(date, rate)) throw new CairnException($"{fileName} line {lineNumber}: {dateText} appears twice");
        }
        if (points.Count == 0) throw new CairnException($"{fileName}: no rates (expected lines of 'date,rate')");
        return [.. points.Select(p => new RatePoint(p.Key, p.Value))];
    }
}
