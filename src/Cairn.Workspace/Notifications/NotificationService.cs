using Cairn.Cases.Agencies;
using Cairn.Cases.Notifications;
using Cairn.Core.Paging;

namespace Cairn.Workspace.Notifications;

/// <summary>
/// What an agency is told: a case shared with it (or its level changed), its access revoked, another
/// agency drafting to a State it already asked for the same case. Each person marks them read.
/// </summary>
public sealed class NotificationService
{
    private readonly INotificationStore _store;
    private readonly Cairn.Cases.Deconfliction.IAddressDeconfliction _deconfliction;
    private readonly Cairn.Workspace.Exchange.ExchangeService _exchange;
    private readonly Cairn.Workspace.Cases.CasePrivacy _privacy;

    public NotificationService(INotificationStore store, Cairn.Cases.Deconfliction.IAddressDeconfliction deconfliction, Cairn.Workspace.Exchange.ExchangeService exchange,
        Cairn.Workspace.Cases.CasePrivacy privacy)
    {
        _privacy = privacy;
        _store = store;
        _deconfliction = deconfliction;
        _exchange = exchange;
    }

    /// <summary>
    /// Answers a hit notice of the actor's agency by asking the other agency to make contact (deconfliction, issue 18): it receives its
    /// own address and who asks, nothing of the asker's case (logged "deconfliction.contact"). A hit at a partner node is answered by
    /// envelope (a match_hit naming the address's keyed hash only); the notice returned then names the partner node as its agency.
    /// </summary>
    public async Task<Notification> RequestContactAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var hit = await _deconfliction.HitAsync(actor, Cairn.Core.ValidationException.Required(id, "id"), cancellationToken).ConfigureAwait(false);
        return hit.Kind == NotificationKinds.PartnerHit
            ? await _exchange.RequestPartnerContactAsync(actor, hit, cancellationToken).ConfigureAwait(false)
            : await _deconfliction.RequestContactAsync(actor, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of the agency's notifications, newest first (logged "notification.list"); those about a case shared with it pseudonymised are masked by that case.</summary>
    public async Task<Page<Notification>> ListAsync(Actor actor, bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        var listed = await _store.ListAsync(actor, unreadOnly, page, cancellationToken).ConfigureAwait(false);
        var items = await _privacy.ApplyEachAsync(actor, listed.Items, n => n.CaseReference, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(items, listed.Items) ? listed : listed with { Items = items };
    }

    /// <summary>How many of the agency's notifications the person has not read.</summary>
    public async Task<UnreadCount> UnreadAsync(Actor actor, CancellationToken cancellationToken = default) =>
        new(await _store.UnreadCountAsync(actor, cancellationToken).ConfigureAwait(false));

    /// <summary>Marks one notification read (all when <paramref name="id"/> is null).</summary>
    public Task MarkReadAsync(Actor actor, string? id, CancellationToken cancellationToken = default) => _store.MarkReadAsync(actor, id, cancellationToken);

    /// <summary>Sends a notification (the share and revoke notifications are sent by the case store in the same transaction as the change).</summary>
    public Task<Notification> SendAsync(Actor by, NewNotification notification, CancellationToken cancellationToken = default) => _store.AddAsync(by, notification, cancellationToken);
}
