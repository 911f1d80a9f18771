using Cairn.Legal.Forms;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Loading;

/// <summary>Turns data/legal/forms/*.yaml into <see cref="OfficialForm"/>s: known instrument, measures, field kinds and fill keys only.</summary>
internal static class FormMapper
{
    public static OfficialForm Map(DataFile file, FormFile data, IReadOnlyDictionary<string, Instrument> instruments)
    {
        if (string.IsNullOrWhiteSpace(data.Id)) throw LegalDataLoader.Error(file, "id:", "form has no id");
        if (!instruments.ContainsKey(data.Instrument)) throw LegalDataLoader.Error(file, "instrument:", $"form '{data.Id}' names unknown instrument '{data.Instrument}'");
        foreach (var measure in data.Measures.Where(m => !Measures.IsKnown(m)))
            throw LegalDataLoader.Error(file, "measures:", $"form '{data.Id}' names unknown measure '{measure}'");
        if (!data.Title.ContainsKey("en")) throw LegalDataLoader.Error(file, "title:", $"form '{data.Id}' has no English title");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sections = data.Sections.Select(s => new FormSection(s.Id, Text(s.Title), Text(s.Text), s.Fields.Select(f =>
        {
            if (string.IsNullOrWhiteSpace(f.Id)) throw LegalDataLoader.Error(file, $"id: {s.Id}", $"a field of section {s.Id} has no id");
            if (!ids.Add(f.Id)) throw LegalDataLoader.Error(file, $"id: {f.Id}", $"field id '{f.Id}' appears twice in form '{data.Id}'");
            if (!FormField.Kinds.Contains(f.Kind)) throw LegalDataLoader.Error(file, $"id: {f.Id}", $"field '{f.Id}' has unknown kind '{f.Kind}': expected {string.Join(", ", FormField.Kinds)}");
            if (f.Fill is not null && !FillKeys.IsKnown(f.Fill)) throw LegalDataLoader.Error(file, f.Fill, $"field '{f.Id}' fills from unknown key '{f.Fill}'");
            return new FormField(f.Id, f.Number, Text(f.Label), f.Kind, f.Options.Select(o => new FormOption(o.Id, Text(o.Label))).ToList(), f.Fill);
        }).ToList())).ToList();
        return new OfficialForm(data.Id, data.Instrument, data.Measures, Text(data.Title), data.LegalAct, Text(data.Source), data.AsOf,
            new Dictionary<string, bool>(data.Verified, StringComparer.Ordinal), data.Notes, sections);
    }

    private static LocalizedText Text(Dictionary<string, string> values) => new(new Dictionary<string, string>(values, StringComparer.Ordinal));
}
