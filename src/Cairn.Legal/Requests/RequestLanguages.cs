using Cairn.Core;
using Cairn.Legal.Routing;

namespace Cairn.Legal.Requests;

/// <summary>
/// The languages Cairn drafts in (letters and official forms: English, French, German) and the choice
/// of one for an addressee: a language it accepts where Cairn has it, else English with a visible note.
/// </summary>
public static class RequestLanguages
{
    /// <summary>ISO 639-1 (document language) to ISO 639-3 (as accepted languages are recorded).</summary>
    public static readonly IReadOnlyDictionary<string, string> Supported = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "eng",
        ["fr"] = "fra",
        ["de"] = "deu",
    };

    public static string Validate(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var normalised = language.Trim().ToLowerInvariant();
        return Supported.ContainsKey(normalised) ? normalised : throw new CairnException($"unsupported request language '{language}': expected en, fr or de");
    }

    /// <summary>
    /// The document language for <paramref name="accepted"/> (optionally limited to <paramref name="available"/>,
    /// an official form's languages) and a note when it is not one the addressee is known to accept.
    /// </summary>
    public static (string Language, string? Note) Choose(string? asked, AcceptedLanguages accepted, string state, IReadOnlyCollection<string>? available = null)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        bool Usable(string language) => available is null || available.Contains(language);
        if (asked is not null)
        {
            var language = Validate(asked);
            if (!Usable(language))
                return ("en", $"the official wording of the form in '{language}' is not verified in Cairn's data: drafted in English; a translation is needed");
            if (accepted.Known && !accepted.Languages.Contains(Supported[language]))
                return (language, $"{state} accepts {string.Join(", ", accepted.Languages)} on this route ({accepted.Basis}): drafted in '{language}' as asked; a translation is needed");
            return (language, null);
        }
        if (!accepted.Known)
            return ("en", $"the languages {state} accepts on this route are not recorded: drafted in English; check before sending");
        foreach (var iso3 in accepted.Languages)
        {
            var match = Supported.FirstOrDefault(s => s.Value == iso3).Key;
            if (match is not null && Usable(match)) return (match, null);
        }
        return ("en", $"{state} accepts {string.Join(", ", accepted.Languages)} on this route ({accepted.Basis}): drafted in English; a translation is needed");
    }
}
