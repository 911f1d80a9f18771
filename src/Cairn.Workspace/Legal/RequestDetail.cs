using Cairn.Legal.Reference;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Legal;

/// <summary>
/// A request with its stored version (for version-checked edits), status, completeness against its instrument, deadlines,
/// the contents its rule requires, and the statuses it may move to next (only those are offered).
/// </summary>
public sealed record RequestDetail(LegalRequest Request, long Version, string Status, CompletenessReport Completeness, IReadOnlyList<ComputedDeadline> Deadlines, IReadOnlyList<CitedItem> RequiredContents)
{
    public IReadOnlyList<string> NextStatuses { get; init; } = [];

    /// <summary>Whether it is validated for sending, by whom, and what its instrument requires (null only in views built before validation existed).</summary>
    public ValidationView? Validation { get; init; }
}
