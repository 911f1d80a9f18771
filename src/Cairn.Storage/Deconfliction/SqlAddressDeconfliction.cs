using System.Security.Cryptography;
using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Deconfliction;
using Cairn.Cases.Notifications;
using Cairn.Core;
using Cairn.Storage.Notifications;

namespace Cairn.Storage.Deconfliction;

/// <summary>
/// Address hits across agencies in SQL: reads case_wallets of every agency (the only query that looks past an agency's own cases,
/// and it returns agency codes only), sends the hit notices and contact requests as notifications without a case reference, and logs
/// deconfliction.hit / deconfliction.contact on the address's hash (the log names no address in clear).
/// </summary>
public sealed class SqlAddressDeconfliction : IAddressDeconfliction
{
    private readonly CairnDatabase _database;

    public SqlAddressDeconfliction(CairnDatabase database) => _database = database;

    public Task<IReadOnlyList<string>> NotifyHitsAsync(Actor actor, string chain, string address, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync<IReadOnlyList<string>>(actor, async unit =>
        {
            var others = (await unit.QueryAsync<string>(
                "SELECT DISTINCT c.owning_agency FROM case_wallets w JOIN cases c ON c.id = w.case_id WHERE w.chain = @chain AND w.address = @address AND c.owning_agency <> @Agency ORDER BY c.owning_agency",
                new { chain, address, unit.Actor.Agency }).ConfigureAwait(false)).ToList();
            foreach (var other in others)
            {
                // Earlier notices about the same address between the same two agencies are not repeated.
                var told = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE kind = @Kind AND agency = @other AND detail = @Detail",
                    new { Kind = NotificationKinds.AddressHit, other, Detail = Detail(chain, address, unit.Actor.Agency) }).ConfigureAwait(false);
                if (told > 0) continue;
                await SqlNotificationStore.InsertAsync(unit, new NewNotification(other, NotificationKinds.AddressHit, null, Detail(chain, address, unit.Actor.Agency))).ConfigureAwait(false);
                await SqlNotificationStore.InsertAsync(unit, new NewNotification(unit.Actor.Agency, NotificationKinds.AddressHit, null, Detail(chain, address, other))).ConfigureAwait(false);
                await unit.RecordAsync("deconfliction.hit", "address", Hash(chain, address), CustodyRecord.HashOf($"{unit.Actor.Agency}|{other}")).ConfigureAwait(false);
            }
            return others;
        }, cancellationToken);

    public Task<Notification> RequestContactAsync(Actor actor, string notificationId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var detail = await unit.QuerySingleOrDefaultAsync<string>("SELECT detail FROM notifications WHERE id = @notificationId AND agency = @Agency AND kind = @Kind",
                new { notificationId, unit.Actor.Agency, Kind = NotificationKinds.AddressHit }).ConfigureAwait(false)
                ?? throw new NotFoundException($"no address hit notice '{notificationId}' for agency {unit.Actor.Agency}");
            var parts = detail.Split(' ');
            if (parts.Length != 3) throw new CairnException($"address hit notice '{notificationId}' is malformed");
            var sent = await SqlNotificationStore.InsertAsync(unit, new NewNotification(parts[2], NotificationKinds.ContactRequest, null,
                $"{parts[0]} {parts[1]} {unit.Actor.Agency} {unit.Actor.User}")).ConfigureAwait(false);
            await unit.RecordAsync("deconfliction.contact", "address", Hash(parts[0], parts[1]), CustodyRecord.HashOf($"{unit.Actor.Agency}|{parts[2]}")).ConfigureAwait(false);
            return sent;
        }, cancellationToken);

    /// <summary>"chain address other-agency": what a hit notice says, and all it says.</summary>
    public static string Detail(string chain, string address, string otherAgency) => $"{chain} {address} {otherAgency}";

    private static string Hash(string chain, string address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{chain}:{address}")));
}
