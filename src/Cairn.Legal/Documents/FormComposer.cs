using Cairn.Legal.Forms;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using static Cairn.Legal.Documents.DocumentWords;

namespace Cairn.Legal.Documents;

/// <summary>
/// Renders a request on its instrument's official form (EIO Annex A, the freezing and confiscation
/// certificates of Regulation (EU) 2018/1805, EPOC and EPOC-PR of Regulation (EU) 2023/1543) with the
/// form's own sections, numbering and wording in the request's language, filled from the request
/// (<see cref="FormFill"/>); tables (wallets, transactions, persons, evidence) go to annex tables.
/// A form not recorded in the request's language is rendered in English with a visible flag.
/// </summary>
public static class FormComposer
{
    private const string Box = "☐";
    private const string Ticked = "☒";

    public static RequestDocument Compose(LegalRequest request, OfficialForm form, LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(reference);
        // Only wording read in the Official Journal text of a language is used; otherwise the English form, flagged.
        var language = form.IsVerifiedIn(request.Language) ? request.Language : "en";
        var t = For(language);
        var flags = RequestComposer.Flags(request, t);
        if (language != request.Language)
            flags.Add($"the official wording of this form in '{request.Language}' is not verified in Cairn's data: rendered in English; a translation is needed");
        if (!form.IsVerifiedIn(language)) flags.Add(t["wording_unverified"]);
        var annexes = new AnnexTables(request, t);
        var sections = new List<DocumentSection> { new(t["header"], RequestComposer.Header(request, reference, t, language)) };
        foreach (var section in form.Sections)
        {
            var paragraphs = new List<string>();
            if (section.Text.Has(language)) paragraphs.Add(section.Text.In(language));
            foreach (var field in section.Fields) paragraphs.AddRange(Field(field, request, reference, language, t, annexes));
            sections.Add(new(Heading(section, language), paragraphs));
        }
        sections.Add(new(form.LegalAct, [F(t["form_source"], form.LegalAct, form.Source.In(language))]));
        var title = form.Title.In(language) + (request.Urgent ? " — " + t["urgent"] : "");
        return new RequestDocument(request.Id, language, title, sections) { Flags = flags, Annexes = annexes.Tables };
    }

    private static IEnumerable<string> Field(FormField field, LegalRequest request, LegalReference reference, string language, Dictionary<string, string> t, AnnexTables annexes)
    {
        // Labels are stored as printed, often ending in a colon; the value follows one colon only.
        var wording = field.Label.In(language).TrimEnd().TrimEnd(':').TrimEnd();
        var label = string.IsNullOrWhiteSpace(field.Number) ? wording : $"{field.Number} {wording}";
        // Lead-in lines the form prints without an answer space of their own.
        if (field.Id.EndsWith(".heading", StringComparison.Ordinal))
        {
            yield return label;
            yield break;
        }
        switch (field.Kind)
        {
            case "table":
                yield return $"{label}: {F(t["see_annex"], annexes.NumberOf(field.Fill is { } key && FillKeys.IsTable(key) ? key : "evidence"))}";
                break;
            case "checkbox" or "choice" when field.Options.Count > 0:
                yield return label;
                foreach (var option in field.Options)
                    yield return $"{(FormFill.Ticked(field, option, request) ? Ticked : Box)} {option.Label.In(language)}";
                break;
            case "checkbox":
                yield return $"{(request.Contents.ContainsKey(field.Id) ? Ticked : Box)} {label}";
                break;
            case "signature":
                yield return $"{label}: ____________________";
                break;
            default:
                if (field.Fill is { } tableKey && FillKeys.IsTable(tableKey))
                    yield return $"{label}: {F(t["see_annex"], annexes.NumberOf(tableKey))}";
                else
                    yield return $"{label}: {FormFill.Value(field, request, reference, language) ?? t["missing"]}";
                break;
        }
    }

    /// <summary>The section's own heading: its title when that already names the section, else letter/number and title.</summary>
    private static string Heading(FormSection section, string language)
    {
        var title = section.Title.In(language);
        if (string.IsNullOrWhiteSpace(title)) return section.Id;
        if (section.Id == "preamble") return title;
        return title.Split(' ', ':', '.').Contains(section.Id, StringComparer.Ordinal) ? title : $"{section.Id} — {title}";
    }
}
