namespace Cairn.Legal.Forms;

/// <summary>
/// An official form annexed to an instrument (EIO Annex A of Directive 2014/41/EU; the freezing and
/// confiscation certificates, Annexes I and II of Regulation (EU) 2018/1805; EPOC and EPOC-PR, Annexes I
/// and II of Regulation (EU) 2023/1543), with the form's own sections, numbering and wording per language.
/// <see cref="Verified"/> says per language whether the wording was read in that language's text.
/// </summary>
public sealed record OfficialForm(
    string Id,
    string InstrumentId,
    IReadOnlyList<string> Measures,
    LocalizedText Title,
    string LegalAct,
    LocalizedText Source,
    string AsOf,
    IReadOnlyDictionary<string, bool> Verified,
    string? Notes,
    IReadOnlyList<FormSection> Sections)
{
    /// <summary>The languages the form's wording is recorded in.</summary>
    public IReadOnlyList<string> Languages => Title.Values.Keys.Order(StringComparer.Ordinal).ToList();

    public bool IsVerifiedIn(string language) => Verified.TryGetValue(language, out var verified) && verified;

    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);
}
