using Cairn.Legal.Reference;

namespace Cairn.Legal.Requests;

/// <summary>Which of the rule's required contents are missing (empty), each with its citation.</summary>
public sealed record CompletenessReport(string RequestId, string RuleId, IReadOnlyList<CitedItem> Present, IReadOnlyList<CitedItem> Missing)
{
    public bool Complete => Missing.Count == 0;
}
