using System.Globalization;

namespace Cairn.Legal.Loading;

/// <summary>Dates in the data files are yyyy-MM-dd; anything else is a load error naming the text and its line.</summary>
internal static class DataDates
{
    public static DateOnly? Optional(DataFile file, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "null") return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw LegalDataLoader.Error(file, text, $"malformed date '{text}': expected yyyy-MM-dd");
    }

    public static DateOnly Required(DataFile file, string? text, string what, string needle) =>
        Optional(file, text) ?? throw LegalDataLoader.Error(file, needle, $"{what} has no date");
}
