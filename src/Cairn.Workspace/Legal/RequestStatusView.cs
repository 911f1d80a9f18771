using Cairn.Legal.Requests;

namespace Cairn.Workspace.Legal;

/// <summary>A request's status (with the refusal ground when refused), the requested State's reference, the statuses it may move to, its deadlines and its history.</summary>
public sealed record RequestStatusView(string Id, string Status, string? RefusalGround, IReadOnlyList<ComputedDeadline> Deadlines, IReadOnlyList<RequestEvent> History)
{
    public string? ForeignReference { get; init; }

    public IReadOnlyList<string> NextStatuses { get; init; } = [];

    /// <summary>Whether it is validated for sending, by whom, and what its instrument requires (null only in views built before validation existed).</summary>
    public ValidationView? Validation { get; init; }
}
