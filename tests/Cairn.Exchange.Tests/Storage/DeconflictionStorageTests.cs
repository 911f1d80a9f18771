using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Deconfliction;
using Cairn.Cases.Notifications;
using Cairn.Exchange.Store;
using Cairn.Storage.Cases;
using Cairn.Storage.Deconfliction;
using Cairn.Storage.Exchange;
using Cairn.Storage.Notifications;
using Cairn.TestSupport.Database;

namespace Cairn.Exchange.Tests.Storage;

/// <summary>The deconfliction tables and queries (migration 092, notifications) on SQLite and PostgreSQL.</summary>
public class DeconflictionStorageTests
{
    private static readonly Actor Ana = new("ana", "fiu-nl");
    private static readonly Actor Otto = new("otto", "police-nl");

    [DatabaseTheory]
    public async Task AFilterKey_IsFoundOnlyByThePublishingAgency(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var store = new SqlMatchFilterStore(nodes.Nl.Database);
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        await store.RecordAsync(Ana, new PublishedFilter("filter-1", Ana.Agency, "de-fiu", null, key, 12, nodes.Nl.Time.GetUtcNow(), Ana.User), new string('a', 64));
        await store.SetMessageAsync(Ana, "filter-1", "nl-fiu/message-1");

        var found = await store.FindAsync(Ana, "filter-1");
        Assert.NotNull(found);
        Assert.Equal(key, found.Key);
        Assert.Equal(12, found.Entries);
        Assert.Equal("nl-fiu/message-1", found.MessageId);
        Assert.Null(await store.FindAsync(Otto, "filter-1"));
    }

    [DatabaseTheory]
    public async Task ClusterAndPartnerHits_AreToldOnce_NameOnlyOwnAddresses_AndContactNamesTheReceiversAddress(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var database = nodes.Nl.Database;
        var cases = new SqlCaseStore(database);
        var ours = await cases.CreateAsync(Ana, new NewCase("NL-SECRET-1", "Operation Heron", "fraud"));
        await cases.UpdateAsync(Ana, ours with { Wallets = [new CaseWallet("btc", "bc1qours", WalletRole.Perpetrator, "Heron collector")] });
        var theirs = await cases.CreateAsync(Otto, new NewCase("NL-OTHER-2", "Operation Kestrel", "fraud"));
        await cases.UpdateAsync(Otto, theirs with { Wallets = [new CaseWallet("btc", "bc1qtheirs", WalletRole.Unknown, "Kestrel wallet")] });
        var deconfliction = new SqlAddressDeconfliction(database);

        var foreign = await deconfliction.OtherAgenciesWalletsAsync(Ana, "btc");
        Assert.Equal([new ForeignWallet("police-nl", "bc1qtheirs")], foreign);
        Assert.True(await deconfliction.NotifyClusterHitAsync(Ana, "btc", "bc1qours", 42, foreign[0]));
        Assert.False(await deconfliction.NotifyClusterHitAsync(Ana, "btc", "bc1qours", 42, foreign[0]));
        var notices = new SqlNotificationStore(database);
        var hers = (await notices.ListAsync(Otto, false, Cairn.Core.Paging.PageRequest.Of(0, 100))).Items.Single(n => n.Kind == NotificationKinds.ClusterHit);
        Assert.Equal("btc bc1qtheirs 42 fiu-nl", hers.Detail);
        var mine = (await notices.ListAsync(Ana, false, Cairn.Core.Paging.PageRequest.Of(0, 100))).Items.Single(n => n.Kind == NotificationKinds.ClusterHit);
        Assert.Equal("btc bc1qours 42 police-nl", mine.Detail);

        var asked = await deconfliction.RequestContactAsync(Ana, mine.Id);
        Assert.Equal("btc bc1qtheirs fiu-nl ana cluster", asked.Detail);
        Assert.Equal("police-nl", asked.Agency);

        var hash = new string('b', 64);
        Assert.True(await deconfliction.NotifyPartnerHitAsync(Ana, "btc", "bc1qours", "de-fiu", "filter-1", hash));
        Assert.False(await deconfliction.NotifyPartnerHitAsync(Ana, "btc", "bc1qours", "de-fiu", "filter-1", hash));
        var partnerHit = Assert.Single(await deconfliction.PartnerHitsAsync(Ana, "filter-1", [hash]));
        Assert.Empty(await deconfliction.PartnerHitsAsync(Otto, "filter-1", [hash]));
        Assert.Empty(await deconfliction.PartnerHitsAsync(Ana, "filter-2", [hash]));
        Assert.Equal(NotificationKinds.PartnerHit, (await deconfliction.HitAsync(Ana, partnerHit.Id)).Kind);
        var contact = await deconfliction.NotifyPartnerContactAsync(Ana, partnerHit, "kommissarin");
        Assert.Equal("btc bc1qours de-fiu kommissarin partner", contact.Detail);
        await Assert.ThrowsAsync<Cairn.Core.NotFoundException>(() => deconfliction.HitAsync(Otto, partnerHit.Id));

        foreach (var notice in (await notices.ListAsync(Otto, false, Cairn.Core.Paging.PageRequest.Of(0, 100))).Items)
            foreach (var secret in new[] { "NL-SECRET-1", "Heron", "bc1qours" }) Assert.DoesNotContain(secret, notice.Detail + notice.CaseReference, StringComparison.Ordinal);
    }
}
