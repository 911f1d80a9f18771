using Cairn.Cases.Agencies;
using Cairn.Cases.Notifications;

namespace Cairn.Cases.Deconfliction;

/// <summary>
/// Deconfliction across agencies (issue 18, docs/deconfliction.md): when an address recorded in one agency's case is also in another
/// agency's case, in the same multi-input cluster as an address of another agency's case, or in a partner node's match filter, the
/// owners get a hit notice naming their own address and the other agency (or node) only (no case reference, title or any other case
/// detail), and either may ask the other to make contact. Every step is logged.
/// </summary>
public interface IAddressDeconfliction
{
    /// <summary>Notifies both sides of every other agency whose cases hold <paramref name="address"/> on <paramref name="chain"/>; returns those agencies.</summary>
    Task<IReadOnlyList<string>> NotifyHitsAsync(Actor actor, string chain, string address, CancellationToken cancellationToken = default);

    /// <summary>
    /// The addresses on <paramref name="chain"/> recorded in cases of agencies other than the actor's, with the owning agency: what the
    /// cluster check compares (in memory, against the chain index). Logged as "deconfliction.scan" without naming any address.
    /// </summary>
    Task<IReadOnlyList<ForeignWallet>> OtherAgenciesWalletsAsync(Actor actor, string chain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notifies both sides that <paramref name="ownAddress"/> (the actor's agency's) and <paramref name="other"/> are in multi-input
    /// cluster <paramref name="clusterId"/>: each notice names the receiver's own address, the cluster and the other agency. Not repeated;
    /// false when both were told already.
    /// </summary>
    Task<bool> NotifyClusterHitAsync(Actor actor, string chain, string ownAddress, long clusterId, ForeignWallet other, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the actor's agency that its address matched partner node <paramref name="partnerNode"/>'s filter (or the partner's answer to
    /// ours); <paramref name="keyedHash"/> is the address's HMAC under filter <paramref name="filterId"/>'s key, what a later contact
    /// request names instead of the address. Not repeated; false when told already.
    /// </summary>
    Task<bool> NotifyPartnerHitAsync(Actor actor, string chain, string address, string partnerNode, string filterId, string keyedHash, CancellationToken cancellationToken = default);

    /// <summary>The actor's agency's partner hit notices of filter <paramref name="filterId"/> whose keyed hash is one of <paramref name="keyedHashes"/>.</summary>
    Task<IReadOnlyList<Notification>> PartnerHitsAsync(Actor actor, string filterId, IReadOnlyCollection<string> keyedHashes, CancellationToken cancellationToken = default);

    /// <summary>A partner node asks the actor's agency to make contact about its partner hit notice <paramref name="hit"/> (logged "deconfliction.contact").</summary>
    Task<Notification> NotifyPartnerContactAsync(Actor actor, Notification hit, string partnerUser, CancellationToken cancellationToken = default);

    /// <summary>The actor's agency's hit notice (address, cluster or partner) <paramref name="notificationId"/>, or a NotFoundException.</summary>
    Task<Notification> HitAsync(Actor actor, string notificationId, CancellationToken cancellationToken = default);

    /// <summary>Asks the other agency of the actor's agency's address or cluster hit notice <paramref name="notificationId"/> to make contact; the notice sent to it.</summary>
    Task<Notification> RequestContactAsync(Actor actor, string notificationId, CancellationToken cancellationToken = default);
}
