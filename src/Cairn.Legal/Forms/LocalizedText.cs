namespace Cairn.Legal.Forms;

/// <summary>A text in several languages (ISO 639-1 keys: en, fr, de), as an official form prints it in each.</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> Values)
{
    public static LocalizedText Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public bool Has(string language) => Values.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>The text in <paramref name="language"/>, else English, else any, else empty.</summary>
    public string In(string language) =>
        Values.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text
        : Values.TryGetValue("en", out var english) ? english
        : Values.Values.FirstOrDefault() ?? "";
}
