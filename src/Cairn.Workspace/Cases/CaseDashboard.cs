using Cairn.Cases.Ledger;

namespace Cairn.Workspace.Cases;

/// <summary>
/// A case's front page, the view a joint team shares: per jurisdiction what the newest Bitcoin trace followed there
/// (and to which services), what was requested of that State, and what its authorities froze, seized, confiscated
/// and returned (the recovery funnel, per token in base units); the next deadlines of the case's requests; and the
/// latest activity (status changes, notes, traces, request steps, ledger events), newest first.
/// </summary>
public sealed record CaseDashboard(string CaseReference, string Title, string Status, string? TraceId, string? TraceTitle,
    IReadOnlyList<CaseDashboard.Jurisdiction> Jurisdictions, IReadOnlyList<CaseDashboard.Deadline> Deadlines, IReadOnlyList<CaseDashboard.Activity> LatestActivity)
{
    /// <summary>One State: traced amount (satoshi, from the newest trace; "0" when none went there), services reached, requests by status, ledger totals per token.</summary>
    public sealed record Jurisdiction(string State, string TracedSat, string TracedBtc, IReadOnlyList<string> Services, IReadOnlyList<RequestCount> Requests, IReadOnlyList<StateTotals> Recovery);

    public sealed record RequestCount(string Status, int Count);

    /// <summary>Each victim of the case with, per asset, what they lost, received (approved returns), await (pending returns) and are still owed; base units.</summary>
    public IReadOnlyList<VictimLine> Victims { get; init; } = [];

    public sealed record VictimLine(string Id, string Name, IReadOnlyList<VictimAsset> Assets);

    public sealed record VictimAsset(string Chain, string Token, int? Decimals, string Lost, string Received, string AwaitingApproval, string Outstanding);

    /// <summary>The next deadline of one request (<see cref="Overdue"/> when any of its deadlines has passed).</summary>
    public sealed record Deadline(string RequestId, string State, string Measure, string Status, string Label, string Kind, DateTimeOffset? Due, bool Overdue, string Citation);

    /// <summary>
    /// Something that happened: <see cref="Kind"/> is case_status, note, trace, request or ledger_event; <see cref="Code"/> the status or
    /// event (a label code); <see cref="Text"/> what people wrote or the amount; <see cref="ObjectId"/> the request, trace or event it is about.
    /// </summary>
    public sealed record Activity(DateTimeOffset At, string Kind, string Code, string Text, string By, string Agency, string? ObjectId);
}
