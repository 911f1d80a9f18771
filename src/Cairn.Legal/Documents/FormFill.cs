using System.Globalization;
using System.Numerics;
using Cairn.Legal.Forms;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Documents;

/// <summary>
/// Fills a form field from the request by its fill key (<see cref="FillKeys"/>). A value the user set on
/// the request under the field's id or its fill key wins; what the request cannot know (an authority's
/// phone number, the maximum penalty) stays empty for a person to complete.
/// </summary>
internal static class FormFill
{
    public static string? Value(FormField field, LegalRequest request, LegalReference reference, string language)
    {
        if (request.Contents.TryGetValue(field.Id, out var own) && !string.IsNullOrWhiteSpace(own)) return own;
        if (field.Fill is not { } key) return null;
        if (request.Contents.TryGetValue(key, out var set) && !string.IsNullOrWhiteSpace(set)) return set;
        string? Content(params string[] ids) => ids.Select(id => request.Contents.GetValueOrDefault(id)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return key switch
        {
            "case.reference" => request.CaseReference,
            "case.offence_type" or "offence.legal_classification" => request.OffenceType,
            "case.facts_summary" or "offence.description" => Content("offence_and_facts"),
            "issuing_state" => reference.Jurisdiction(request.RequestingState).NameIn(language),
            "executing_state" => reference.Jurisdiction(request.RequestedState).NameIn(language),
            "issuing_authority.name" => Content("issuing_authority", "requesting_authority"),
            "executing_authority.name" => request.Addressee?.Name,
            "executing_authority.address" => request.Addressee?.Address,
            // The provider a production or preservation order goes to: the service the funds reached (Reg 2023/1543 Art 7).
            "service_provider.name" => string.Join("; ", request.Findings.Select(f => f.ActorName).Distinct(StringComparer.Ordinal)) is { Length: > 0 } names ? names : null,
            "request.date" => request.DraftedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "request.reference" => request.Id,
            "request.measures" => MeasureWords.In(request.Measure, language),
            "request.urgency_reason" => Content("urgency_reason"),
            "estimated_value" => EstimatedValue(request),
            _ => null,
        };
    }

    /// <summary>Which options of a choice or checkbox field are ticked: the request's measure, where the form offers it by id.</summary>
    public static bool Ticked(FormField field, FormOption option, LegalRequest request) =>
        request.Contents.TryGetValue(field.Id, out var chosen) && !string.IsNullOrWhiteSpace(chosen)
            ? chosen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(option.Id, StringComparer.Ordinal)
            : field.Fill == "request.measures" && option.Id == request.Measure;

    /// <summary>The total per asset of the amounts traced to the requested State, in exact base units.</summary>
    private static string? EstimatedValue(LegalRequest request)
    {
        var totals = request.Findings.SelectMany(f => f.Amounts).GroupBy(a => (a.Asset, a.Decimals))
            .Select(g => new AssetAmount(g.Key.Asset, g.Aggregate(BigInteger.Zero, (sum, a) => sum + a.BaseUnits), g.Key.Decimals).Human)
            .ToList();
        return totals.Count == 0 ? null : string.Join("; ", totals);
    }
}
