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
/// Deconfliction hits in SQL: reads case_wallets of every agency (the only queries that look past an agency's own cases: they return
/// agency codes, or addresses that stay inside the cluster check), sends the hit notices and contact requests as notifications without
/// a case reference, and logs deconfliction.hit / deconfliction.cluster_hit / deconfliction.partner_hit / deconfliction.contact on the
/// address's hash (the log names no address in clear).
/// </summary>
public sealed class SqlAddressDeconfliction : IAddressDeconfliction
{
    private const string NotificationColumns =
        "id AS Id, agency AS Agency, kind AS Kind, case_reference AS CaseReference, detail AS Detail, created_at AS CreatedAt, created_by AS CreatedBy, created_agency AS CreatedAgency";

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
                if (await ToldAsync(unit, other, NotificationKinds.AddressHit, Detail(chain, address, unit.Actor.Agency)).ConfigureAwait(false)) continue;
                await SqlNotificationStore.InsertAsync(unit, new NewNotification(other, NotificationKinds.AddressHit, null, Detail(chain, address, unit.Actor.Agency))).ConfigureAwait(false);
                await SqlNotificationStore.InsertAsync(unit, new NewNotification(unit.Actor.Agency, NotificationKinds.AddressHit, null, Detail(chain, address, other))).ConfigureAwait(false);
                await unit.RecordAsync("deconfliction.hit", "address", Hash(chain, address), CustodyRecord.HashOf($"{unit.Actor.Agency}|{other}")).ConfigureAwait(false);
            }
            return others;
        }, cancellationToken);

    public Task<IReadOnlyList<ForeignWallet>> OtherAgenciesWalletsAsync(Actor actor, string chain, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync<IReadOnlyList<ForeignWallet>>(actor, async unit =>
        {
            var rows = (await unit.QueryAsync<ForeignRow>(
                "SELECT DISTINCT c.owning_agency AS Agency, w.address AS Address FROM case_wallets w JOIN cases c ON c.id = w.case_id WHERE w.chain = @chain AND c.owning_agency <> @Agency ORDER BY c.owning_agency, w.address",
                new { chain, unit.Actor.Agency }).ConfigureAwait(false)).Select(r => new ForeignWallet(r.Agency, r.Address)).ToList();
            // The count only: which addresses were compared is nobody's business but the check's.
            await unit.RecordAsync("deconfliction.scan", "chain", chain, CustodyRecord.HashOf($"{rows.Count}")).ConfigureAwait(false);
            return rows;
        }, cancellationToken);

    public Task<bool> NotifyClusterHitAsync(Actor actor, string chain, string ownAddress, long clusterId, ForeignWallet other, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var theirs = ClusterDetail(chain, other.Address, clusterId, unit.Actor.Agency);
            var ours = ClusterDetail(chain, ownAddress, clusterId, other.Agency);
            var toldThem = await ToldAsync(unit, other.Agency, NotificationKinds.ClusterHit, theirs).ConfigureAwait(false);
            var toldUs = await ToldAsync(unit, unit.Actor.Agency, NotificationKinds.ClusterHit, ours).ConfigureAwait(false);
            if (toldThem && toldUs) return false;
            if (!toldThem) await SqlNotificationStore.InsertAsync(unit, new NewNotification(other.Agency, NotificationKinds.ClusterHit, null, theirs)).ConfigureAwait(false);
            if (!toldUs) await SqlNotificationStore.InsertAsync(unit, new NewNotification(unit.Actor.Agency, NotificationKinds.ClusterHit, null, ours)).ConfigureAwait(false);
            await unit.RecordAsync("deconfliction.cluster_hit", "address", Hash(chain, ownAddress), CustodyRecord.HashOf($"{unit.Actor.Agency}|{other.Agency}|{clusterId}")).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<bool> NotifyPartnerHitAsync(Actor actor, string chain, string address, string partnerNode, string filterId, string keyedHash, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var detail = PartnerDetail(chain, address, partnerNode, filterId, keyedHash);
            if (await ToldAsync(unit, unit.Actor.Agency, NotificationKinds.PartnerHit, detail).ConfigureAwait(false)) return false;
            await SqlNotificationStore.InsertAsync(unit, new NewNotification(unit.Actor.Agency, NotificationKinds.PartnerHit, null, detail)).ConfigureAwait(false);
            await unit.RecordAsync("deconfliction.partner_hit", "address", Hash(chain, address), CustodyRecord.HashOf($"{unit.Actor.Agency}|{partnerNode}|{filterId}")).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<Notification>> PartnerHitsAsync(Actor actor, string filterId, IReadOnlyCollection<string> keyedHashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyedHashes);
        return _database.InTransactionAsync<IReadOnlyList<Notification>>(actor, async unit =>
        {
            var rows = await unit.QueryAsync<NotificationRow>($"SELECT {NotificationColumns} FROM notifications WHERE agency = @Agency AND kind = @Kind ORDER BY created_at, id",
                new { unit.Actor.Agency, Kind = NotificationKinds.PartnerHit }).ConfigureAwait(false);
            return rows.Select(r => r.ToNotification())
                .Where(n => n.Detail.Split(' ') is [_, _, _, var filter, var hash] && filter == filterId && keyedHashes.Contains(hash)).ToList();
        }, cancellationToken);
    }

    public Task<Notification> NotifyPartnerContactAsync(Actor actor, Notification hit, string partnerUser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return _database.InTransactionAsync(actor, async unit =>
        {
            if (hit.Detail.Split(' ') is not [var chain, var address, var node, _, _]) throw new CairnException($"partner hit notice '{hit.Id}' is malformed");
            var sent = await SqlNotificationStore.InsertAsync(unit, new NewNotification(unit.Actor.Agency, NotificationKinds.ContactRequest, null,
                $"{chain} {address} {node} {Token(partnerUser)} partner")).ConfigureAwait(false);
            await unit.RecordAsync("deconfliction.contact", "address", Hash(chain, address), CustodyRecord.HashOf($"{node}|{unit.Actor.Agency}")).ConfigureAwait(false);
            return sent;
        }, cancellationToken);
    }

    public Task<Notification> HitAsync(Actor actor, string notificationId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit => await FindHitAsync(unit, notificationId).ConfigureAwait(false), cancellationToken);

    public Task<Notification> RequestContactAsync(Actor actor, string notificationId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var hit = await FindHitAsync(unit, notificationId).ConfigureAwait(false);
            var parts = hit.Detail.Split(' ');
            string chain, address, other, detail;
            if (hit.Kind == NotificationKinds.AddressHit && parts.Length == 3)
            {
                (chain, address, other) = (parts[0], parts[1], parts[2]);
                detail = $"{chain} {address} {unit.Actor.Agency} {unit.Actor.User}";
            }
            else if (hit.Kind == NotificationKinds.ClusterHit && parts.Length == 4)
            {
                (chain, address, other) = (parts[0], parts[1], parts[3]);
                // The other agency is asked about its own address in the cluster (from its notice of the same hit), never about ours.
                var theirs = (await unit.QueryAsync<string>("SELECT detail FROM notifications WHERE agency = @other AND kind = @Kind ORDER BY created_at, id",
                        new { other, Kind = NotificationKinds.ClusterHit }).ConfigureAwait(false))
                    .Select(d => d.Split(' ')).FirstOrDefault(d => d.Length == 4 && d[0] == chain && d[2] == parts[2] && d[3] == unit.Actor.Agency)
                    ?? throw new CairnException($"cluster hit notice '{notificationId}' has no counterpart at {other}");
                detail = $"{chain} {theirs[1]} {unit.Actor.Agency} {unit.Actor.User} cluster";
            }
            else if (hit.Kind == NotificationKinds.PartnerHit)
                throw new CairnException($"notice '{notificationId}' is a hit at a partner node: the contact request goes by envelope (ExchangeService)");
            else throw new CairnException($"hit notice '{notificationId}' is malformed");
            var sent = await SqlNotificationStore.InsertAsync(unit, new NewNotification(other, NotificationKinds.ContactRequest, null, detail)).ConfigureAwait(false);
            await unit.RecordAsync("deconfliction.contact", "address", Hash(chain, address), CustodyRecord.HashOf($"{unit.Actor.Agency}|{other}")).ConfigureAwait(false);
            return sent;
        }, cancellationToken);

    /// <summary>"chain address other-agency": what an address hit notice says, and all it says.</summary>
    public static string Detail(string chain, string address, string otherAgency) => $"{chain} {address} {otherAgency}";

    /// <summary>"chain own-address cluster-id other-agency": what a cluster hit notice says, and all it says.</summary>
    public static string ClusterDetail(string chain, string ownAddress, long clusterId, string otherAgency) => $"{chain} {ownAddress} {clusterId} {otherAgency}";

    /// <summary>"chain own-address partner-node filter-id keyed-hash": what a partner hit notice says, and all it says.</summary>
    public static string PartnerDetail(string chain, string address, string partnerNode, string filterId, string keyedHash) =>
        $"{chain} {address} {Token(partnerNode)} {Token(filterId)} {Token(keyedHash)}";

    private static async Task<Notification> FindHitAsync(UnitOfWork unit, string notificationId) =>
        (await unit.QuerySingleOrDefaultAsync<NotificationRow>($"SELECT {NotificationColumns} FROM notifications WHERE id = @notificationId AND agency = @Agency AND kind IN (@A, @C, @P)",
            new { notificationId, unit.Actor.Agency, A = NotificationKinds.AddressHit, C = NotificationKinds.ClusterHit, P = NotificationKinds.PartnerHit }).ConfigureAwait(false))?.ToNotification()
        ?? throw new NotFoundException($"no hit notice '{notificationId}' for agency {unit.Actor.Agency}");

    private static async Task<bool> ToldAsync(UnitOfWork unit, string agency, string kind, string detail) =>
        await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE kind = @kind AND agency = @agency AND detail = @detail",
            new { kind, agency, detail }).ConfigureAwait(false) > 0;

    /// <summary>A value from another node becomes one space-free token of a notice detail.</summary>
    private static string Token(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))) is { Length: > 0 } token ? token : "-";

    private static string Hash(string chain, string address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{chain}:{address}")));

    private sealed class ForeignRow
    {
        public string Agency { get; set; } = "";
        public string Address { get; set; } = "";
    }
}
