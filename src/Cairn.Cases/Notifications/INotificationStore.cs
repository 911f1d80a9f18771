using Cairn.Cases.Agencies;
using Cairn.Core.Paging;

namespace Cairn.Cases.Notifications;

/// <summary>
/// Notifications to agencies, read per person. Listing is a read of case data ("notification.list"),
/// marking read and sending are changes ("notification.read", "notification.create"); the unread
/// count carries no case data and is not logged.
/// </summary>
public interface INotificationStore
{
    /// <summary>Sends a notification in its own transaction.</summary>
    Task<Notification> AddAsync(Actor by, NewNotification notification, CancellationToken cancellationToken = default);

    /// <summary>One page of the notifications to the actor's agency, newest first, with the actor's read state.</summary>
    Task<Page<Notification>> ListAsync(Actor actor, bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default);

    Task<long> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Marks one notification (or every one when <paramref name="id"/> is null) of the actor's agency read for the actor.</summary>
    Task MarkReadAsync(Actor actor, string? id, CancellationToken cancellationToken = default);
}
