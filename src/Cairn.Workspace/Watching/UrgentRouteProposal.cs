using Cairn.Cases.Watchlists;
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
    public sealed record Option(string Measure, string Instrument, string Citation, string Channel, string RequestType, bool PartiesConfirmed, string? Fallback);

    public sealed record Contact(string Role, string Name, bool Verified, string Source, string AsOf);

    public static Option? Best(string measure, RouteResult route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var best = route.Options.OrderBy(o => o.Rank).FirstOrDefault();
        return best is null
            ? route.Fallback is { } fallback ? new Option(measure, "none", "", "diplomatic", "letters_rogatory", false, fallback) : null
            : new Option(measure, best.Instrument, best.Citation, best.Channel, best.RequestType, best.PartiesConfirmed, route.Fallback);
    }
}
