using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using static Cairn.Legal.Documents.DocumentWords;

namespace Cairn.Legal.Documents;

/// <summary>
/// Lays a request out in its language (English, French or German). On an instrument with an official
/// form the request is rendered on the form (<see cref="FormComposer"/>); otherwise as a structured
/// letter: sender, addressee, date and reference, the legal basis, the content items under the rule's
/// own labels with their citations (so the reader sees which article each paragraph answers), the time
/// limits, a signature block, and annex tables for the wallets and transactions. Unverified legal facts
/// and a language the addressee may not accept are flagged first.
/// </summary>
public static class RequestComposer
{
    public static RequestDocument Compose(LegalRequest request, LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        if (request.FormId is { } formId) return FormComposer.Compose(request, reference.Form(formId), reference);
        var t = For(request.Language);
        var (instrument, rule) = reference.RuleBetween(request.RuleId, request.RequestingState, request.RequestedState);
        var title = F(t["title"], MeasureWords.In(request.Measure, request.Language)) + (request.Urgent ? " — " + t["urgent"] : "");
        var annexes = new AnnexTables(request, t);
        var sections = new List<DocumentSection>
        {
            new(t["header"], Header(request, reference, t, request.Language)),
            new(t["basis"], Basis(request, instrument, rule, t)),
            new(t["contents"], rule.ContentsFor(request.Measure, request.Urgent)
                .Select(item => $"{item.LabelIn(request.Language)} ({item.Citation}): {ContentText(request, item, t, annexes)}")
                .ToList()),
        };
        if (request.Findings.Count > 0)
        {
            annexes.NumberOf("assets");
            if (request.Findings.Any(f => f.TransactionIds.Count > 0)) annexes.NumberOf("transactions");
        }
        var deadlines = rule.DeadlinesFor(request.Urgent).Select(d => $"{d.Label} ({d.Citation})").ToList();
        if (deadlines.Count > 0) sections.Add(new(t["deadlines"], deadlines));
        sections.Add(new(t["signature"], [t["place_date"], t["name_function"], t["sign_stamp"]]));
        return new RequestDocument(request.Id, request.Language, title, sections) { Flags = Flags(request, t), Annexes = annexes.Tables };
    }

    /// <summary>Warnings shown before anything else: informal channel, unverified facts, the language note.</summary>
    internal static List<string> Flags(LegalRequest request, Dictionary<string, string> t)
    {
        var flags = new List<string>();
        if (request.Informal) flags.Add(t["informal"]);
        flags.AddRange(request.Unverified.Select(u => F(t["unverified"], u)));
        if (request.Addressee is { Name: not null, Verified: false } addressee) flags.Add(F(t["unverified"], $"addressee {addressee.Name}"));
        if (request.LanguageNote is { } note) flags.Add(note);
        return flags;
    }

    internal static List<string> Header(LegalRequest request, LegalReference reference, Dictionary<string, string> t, string language)
    {
        var from = request.Contents.GetValueOrDefault("requesting_authority") ?? request.Contents.GetValueOrDefault("issuing_authority");
        var requested = reference.Jurisdiction(request.RequestedState);
        var lines = new List<string>
        {
            F(t["from"], string.IsNullOrWhiteSpace(from) ? t["missing"] : from),
            F(t["requesting"], reference.Jurisdiction(request.RequestingState).NameIn(language)),
            F(t["to"], request.Addressee?.Description(requested.Code) ?? t["missing"]),
        };
        if (request.Addressee?.Address is { } address) lines.Add(address);
        lines.Add(F(t["requested"], requested.NameIn(language)));
        if (request.AcceptedLanguages.Count > 0) lines.Add(F(t["accepted"], string.Join(", ", request.AcceptedLanguages)));
        lines.Add(F(t["date"], request.DraftedAt is { } at ? at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : t["missing"]));
        lines.Add(F(t["reference"], request.Id));
        if (request.CaseReference is { } caseReference) lines.Add(F(t["case"], caseReference));
        return lines;
    }

    private static string ContentText(LegalRequest request, CitedItem item, Dictionary<string, string> t, AnnexTables annexes)
    {
        var text = request.Contents.TryGetValue(item.Id, out var value) && !string.IsNullOrWhiteSpace(value) ? value : t["missing"];
        // Content items that list wallets point to the annex table, where every address and amount is.
        return item.Id is "data_to_preserve" or "data_sought" or "property_description" or "assistance_sought" && request.Findings.Count > 0
            ? $"{text} ({F(t["see_annex"], annexes.NumberOf("assets"))})"
            : text;
    }

    private static List<string> Basis(LegalRequest request, Instrument instrument, LegalRule rule, Dictionary<string, string> t)
    {
        // A bilateral hub's rule, rewritten for the pair, already names the pair's own treaty (BilateralCitations).
        var basis = request.Informal ? request.LegalBasis
            : instrument.Membership == Memberships.BilateralHub ? rule.Citation
            : $"{instrument.Title} — {rule.Citation}";
        var lines = new List<string> { basis, F(t["channel"], request.Channel) };
        if (!rule.Verified && !request.Unverified.Any(u => u.Contains(rule.Id, StringComparison.Ordinal)))
            lines.Add(F(t["unverified"], $"rule {rule.Id} ({rule.Citation})"));
        return lines;
    }

}
