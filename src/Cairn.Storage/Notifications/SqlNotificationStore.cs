using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Notifications;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Storage.Notifications;

/// <summary>
/// Notifications in SQL (Notifications/Migrations/052_notifications.sql). <see cref="InsertAsync"/>
/// lets a change (a share, a revocation) notify inside its own transaction.
/// </summary>
public sealed class SqlNotificationStore : INotificationStore
{
    private const string Columns =
        "n.id AS Id, n.agency AS Agency, n.kind AS Kind, n.case_reference AS CaseReference, n.detail AS Detail, n.created_at AS CreatedAt, " +
        "n.created_by AS CreatedBy, n.created_agency AS CreatedAgency, r.read_at AS ReadAt";

    private const string From = " FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.login = @User WHERE n.agency = @Agency";

    private readonly CairnDatabase _database;

    public SqlNotificationStore(CairnDatabase database) => _database = database;

    public Task<Notification> AddAsync(Actor by, NewNotification notification, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(by, unit => InsertAsync(unit, notification), cancellationToken);

    /// <summary>Sends <paramref name="notification"/> in <paramref name="unit"/>'s transaction (logged "notification.create").</summary>
    public static async Task<Notification> InsertAsync(UnitOfWork unit, NewNotification notification)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(notification);
        if (!NotificationKinds.All.Contains(notification.Kind, StringComparer.Ordinal)) throw new CairnException($"unknown notification kind '{notification.Kind}'");
        var created = new Notification(CairnIds.New(unit.Time), notification.Agency, notification.Kind, notification.CaseReference, notification.Detail,
            unit.Time.GetUtcNow(), unit.Actor.User, unit.Actor.Agency, null);
        await unit.ExecuteAsync(
            "INSERT INTO notifications (id, agency, kind, case_reference, detail, created_at, created_by, created_agency) VALUES (@Id, @Agency, @Kind, @CaseReference, @Detail, @CreatedAt, @CreatedBy, @CreatedAgency)",
            new { created.Id, created.Agency, created.Kind, created.CaseReference, created.Detail, CreatedAt = CustodyEntry.FormatTime(created.CreatedAt), created.CreatedBy, created.CreatedAgency }).ConfigureAwait(false);
        await unit.RecordAsync("notification.create", "notification", created.Id,
            CustodyRecord.HashOf($"{created.Agency}|{created.Kind}|{created.CaseReference}|{created.Detail}")).ConfigureAwait(false);
        return created;
    }

    public Task<Page<Notification>> ListAsync(Actor actor, bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var where = From + (unreadOnly ? " AND r.read_at IS NULL" : "");
            var args = new { unit.Actor.User, unit.Actor.Agency, Limit = (long)page.Limit, page.Offset };
            var total = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*)" + where, args).ConfigureAwait(false);
            var rows = await unit.QueryAsync<NotificationRow>($"SELECT {Columns}{where} ORDER BY n.created_at DESC, n.id DESC LIMIT @Limit OFFSET @Offset", args).ConfigureAwait(false);
            var items = rows.Select(r => r.ToNotification()).ToList();
            await unit.RecordAsync("notification.list", "notification", "*", CustodyRecord.HashOf(string.Join("\n", items.Select(n => n.Id)))).ConfigureAwait(false);
            return Page<Notification>.Of(items, page, total);
        }, cancellationToken);
    }

    public Task<long> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _database.QueryAsync(connection => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*)" + From + " AND r.read_at IS NULL", new { actor.User, actor.Agency }),
            cancellationToken);
    }

    public Task MarkReadAsync(Actor actor, string? id, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var unread = (await unit.QueryAsync<string>("SELECT n.id" + From + " AND r.read_at IS NULL" + (id is null ? "" : " AND n.id = @Id"),
                new { unit.Actor.User, unit.Actor.Agency, Id = id }).ConfigureAwait(false)).ToList();
            if (id is not null && unread.Count == 0)
            {
                var exists = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE id = @id AND agency = @Agency", new { id, unit.Actor.Agency }).ConfigureAwait(false);
                if (exists == 0) throw new NotFoundException($"no notification '{id}'");
                return; // already read
            }
            var at = CustodyEntry.FormatTime(unit.Time.GetUtcNow());
            foreach (var notificationId in unread)
                await unit.ExecuteAsync("INSERT INTO notification_reads (notification_id, login, read_at) VALUES (@notificationId, @User, @at)", new { notificationId, unit.Actor.User, at }).ConfigureAwait(false);
            await unit.RecordAsync("notification.read", "notification", id ?? "*", CustodyRecord.HashOf(string.Join("\n", unread))).ConfigureAwait(false);
        }, cancellationToken);
}
