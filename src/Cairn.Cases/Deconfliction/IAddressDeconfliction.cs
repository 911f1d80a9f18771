using Cairn.Cases.Agencies;
using Cairn.Cases.Notifications;

namespace Cairn.Cases.Deconfliction;

/// <summary>
/// Deconfliction at address level across the agencies of one installation (issue 18): when an address recorded in one agency's case
/// is also in another agency's case, both agencies get a hit notice naming the address and the other agency only (no case reference,
/// title or any other case detail), and either may ask the other to make contact. Every step is logged.
/// </summary>
public interface IAddressDeconfliction
{
    /// <summary>Notifies both sides of every other agency whose cases hold <paramref name="address"/> on <paramref name="chain"/>; returns those agencies.</summary>
    Task<IReadOnlyList<string>> NotifyHitsAsync(Actor actor, string chain, string address, CancellationToken cancellationToken = default);

    /// <summary>Asks the other agency of the actor's agency's hit notice <paramref name="notificationId"/> to make contact; the notice sent to it.</summary>
    Task<Notification> RequestContactAsync(Actor actor, string notificationId, CancellationToken cancellationToken = default);
}
