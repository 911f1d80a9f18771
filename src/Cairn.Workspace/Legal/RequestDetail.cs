using Cairn.Legal.Reference;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Legal;

/// <summary>A request with its stored version (for version-checked edits), status, completeness against its instrument, deadlines and the contents its rule requires.</summary>
public sealed record RequestDetail(LegalRequest Request, long Version, string Status, CompletenessReport Completeness, IReadOnlyList<ComputedDeadline> Deadlines, IReadOnlyList<CitedItem> RequiredContents);
