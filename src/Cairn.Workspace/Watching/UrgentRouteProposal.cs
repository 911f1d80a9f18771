using Cairn.Cases.Watchlists;
using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Workspace.Watching;

/// <summary>
/// What an alert that funds reached a service in a State proposes: for each urgent measure (expedited
/// preservation of the service's records, freezing of the funds) the best-ranked route with its channel,
/// and who to contact in that State (24/7 point of contact, central authority, FIU, each with its source).
/// </summary>
public sealed record UrgentRouteProposal(WatchAlert Alert, string RequestingState, string RequestedState, IReadOnlyList<UrgentRouteProposal.Option> Options,
    IReadOnlyList<UrgentRouteProposal.Contact> Contacts, string? Note)
{
    /// <summary>One measure's best route; <see cref="Deadlines"/> are the time limits it starts once sent (the legal clock), each with its article.</summary>
    public sealed record Option(string Measure, string? InstrumentId, string Instrument, string Citation, string Channel, string RequestType, bool PartiesConfirmed, string? Fallback,
        IReadOnlyList<Deadline> Deadlines);

    /// <summary>A time limit of the route, in words: what, how long, from which step (sent, acknowledged), under which article.</summary>
    public sealed record Deadline(string Label, string Kind, string Period, string From, string Citation);

    public sealed record Contact(string Role, string Name, bool Verified, string Source, string AsOf);

    public static Option? Best(string measure, RouteResult route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var best = route.LegalBases.OrderBy(o => o.Rank).FirstOrDefault();
        return best is null
            ? route.Fallback is { } fallback ? new Option(measure, null, "none", "", "diplomatic", "letters_rogatory", false, fallback, []) : null
            : new Option(measure, best.InstrumentId, best.Instrument, best.Citation, best.Channel, best.RequestType, best.PartiesConfirmed, route.Fallback,
                [.. best.Deadlines.Select(d => new Deadline(d.Label, d.Kind, d.Kind == "target" ? "as soon as possible" : $"{d.Amount} {(d.Unit == DeadlineUnit.Hours ? "hours" : "days")}", d.From, d.Citation))]);
    }
}
