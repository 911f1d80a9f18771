using Cairn.Cases.Ledger;
using Cairn.Cases.Watchlists;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Cases;

/// <summary>
/// A case's front page, the view a joint team shares: per jurisdiction what the newest Bitcoin trace followed there
/// (and to which services), what was requested of that State, and what its authorities froze, seized, confiscated
/// and returned (the recovery funnel, per token in base units, and in <see cref="Currency"/> where the rate tables
/// give a rate); the next deadlines of the case's requests; the open watchlist alerts; and the latest activity
/// (status changes, notes, traces, request steps, ledger events), newest first.
/// </summary>
public sealed record CaseDashboard(string CaseReference, string Title, string Status, string? TraceId, string? TraceTitle,
    IReadOnlyList<CaseDashboard.Jurisdiction> Jurisdictions, IReadOnlyList<CaseDashboard.Deadline> Deadlines, IReadOnlyList<CaseDashboard.Activity> LatestActivity)
{
    /// <summary>The fiat currency asked for (null: none asked, no fiat values).</summary>
    public string? Currency { get; init; }

    /// <summary>How many of the case's watchlist alerts are open (not yet seen or drafted from).</summary>
    public int OpenAlerts { get; init; }

    /// <summary>The newest open alerts (at most <see cref="CaseDashboardService.AlertCount"/>), newest first.</summary>
    public IReadOnlyList<WatchAlert> LatestOpenAlerts { get; init; } = [];

    /// <summary>One State: traced amount (satoshi, from the newest trace; "0" when none went there), services reached, requests by status, ledger totals per token.</summary>
    public sealed record Jurisdiction(string State, string TracedSat, string TracedBtc, IReadOnlyList<string> Services, IReadOnlyList<RequestCount> Requests, IReadOnlyList<StateTotals> Recovery)
    {
        /// <summary>
        /// The traced amount's value in <see cref="CaseDashboard.Currency"/> (each endpoint at its day's rate, as the trace
        /// summary values it: USD and EUR); null when nothing was traced there, no currency was asked or no rate applies.
        /// </summary>
        public string? TracedValue { get; init; }

        /// <summary>The recovery funnel's steps in <see cref="CaseDashboard.Currency"/>, one per token of <see cref="Recovery"/>.</summary>
        public IReadOnlyList<RecoveryValue> RecoveryValues { get; init; } = [];
    }

    /// <summary>
    /// A token's funnel steps valued in fiat: each event at the rate of the day it happened, added up (<see cref="Valuator"/>);
    /// a step is null when nothing was recorded or when any of its days has no rate (a partial sum would understate it).
    /// </summary>
    public sealed record RecoveryValue(string Chain, string Token, FiatValue? Frozen, FiatValue? Seized, FiatValue? Confiscated, FiatValue? Returned)
    {
        /// <summary>What the State (or a victim of that name) received from returns and shares.</summary>
        public FiatValue? Received { get; init; }
    }

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
