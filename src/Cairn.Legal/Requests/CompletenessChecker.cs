using Cairn.Legal.Reference;

namespace Cairn.Legal.Requests;

/// <summary>Checks a request against the required contents of the rule it rests on (e.g. UNTOC Art 18(15)(a)-(f)).</summary>
public static class CompletenessChecker
{
    public static CompletenessReport Check(LegalRequest request, LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        var (_, rule) = reference.RuleBetween(request.RuleId, request.RequestingState, request.RequestedState);
        var required = rule.ContentsFor(request.Measure, request.Urgent).ToList();
        bool Filled(CitedItem item) => request.Contents.TryGetValue(item.Id, out var text) && !string.IsNullOrWhiteSpace(text);
        return new CompletenessReport(request.Id, rule.Id, required.Where(Filled).ToList(), required.Where(i => !Filled(i)).ToList());
    }
}
