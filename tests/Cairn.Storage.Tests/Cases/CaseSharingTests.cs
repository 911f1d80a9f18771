using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Notifications;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Accounts;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Evidence;
using Cairn.Storage.Ledger;
using Cairn.Storage.Notifications;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Cases;

/// <summary>Sharing at a level (read or contribute), revoking, the notifications they send, and one answer for unknown and invisible cases.</summary>
public class CaseSharingTests
{
    [DatabaseTheory]
    public async Task Share_WithAnUnregisteredAgency_IsRefused_AndWritesNothing(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "t", "fraud"));
        var before = (await new SqlCustodyLog(test.Database).GetHeadAsync()).Head.TreeSize;

        var error = await Assert.ThrowsAsync<CairnException>(() => store.ShareAsync(TestDatabase.Alice, "C-1", "bka-de", GrantLevel.Read));

        Assert.Equal("agency", error.Field);
        Assert.Contains("registry", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await new SqlCustodyLog(test.Database).GetHeadAsync()).Head.TreeSize);
    }

    [DatabaseTheory]
    public async Task ReadShare_SeesButCannotAdd_ContributeShare_AddsEvidence_RevokeEndsAccess(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        await new SqlAgencyStore(test.Database).RegisterAsync(TestDatabase.Alice, new Agency("bka-de", "BKA", "DE", AgencyKind.Police));
        await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "t", "fraud"));
        var evidence = new SqlEvidenceStore(test.Database);
        var file = Path.Combine(test.DataDirectory, "note.txt");
        await File.WriteAllTextAsync(file, "hello");

        await store.ShareAsync(TestDatabase.Alice, "C-1", "bka-de", GrantLevel.Read);
        Assert.Equal(CaseAccess.Read, (await store.GetAsync(TestDatabase.Bruno, "C-1")).AccessOf("bka-de"));
        await Assert.ThrowsAsync<ForbiddenException>(() => evidence.AddAsync(TestDatabase.Bruno, "C-1", file, "upload", "bruno"));
        var stale = await store.GetAsync(TestDatabase.Bruno, "C-1");
        await Assert.ThrowsAsync<ForbiddenException>(() => store.UpdateAsync(TestDatabase.Bruno, stale with { Title = "hijacked" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => store.ShareAsync(TestDatabase.Bruno, "C-1", "bka-de", GrantLevel.Contribute));

        await store.ShareAsync(TestDatabase.Alice, "C-1", "bka-de", GrantLevel.Contribute);
        await evidence.AddAsync(TestDatabase.Bruno, "C-1", file, "upload", "bruno");
        await Assert.ThrowsAsync<ForbiddenException>(() => new SqlLedgerStore(test.Database).AddAsync(TestDatabase.Bruno, "C-1",
            new Cairn.Cases.Ledger.NewLedgerEvent(Cairn.Cases.Ledger.LedgerEventKind.Freeze, new Cairn.Cases.Ledger.AssetKey("btc", "BTC", "x"), 1, "basis", "court", "DE", null, null, [])));

        var revoked = await store.RevokeAsync(TestDatabase.Alice, "C-1", "bka-de");
        Assert.Empty(revoked.Grants);
        var gone = await Assert.ThrowsAsync<NotFoundException>(() => store.GetAsync(TestDatabase.Bruno, "C-1"));
        Assert.Equal("unknown case 'C-1'", gone.Message);

        var notes = await new SqlNotificationStore(test.Database).ListAsync(TestDatabase.Bruno, unreadOnly: false, new PageRequest(0, 10));
        Assert.Equal([NotificationKinds.CaseRevoked, NotificationKinds.CaseShared, NotificationKinds.CaseShared], notes.Items.Select(n => n.Kind));
        Assert.Equal(["", "contribute", "read"], notes.Items.Select(n => n.Detail));
        var caseId = revoked.Id;
        var log = await new SqlCustodyLog(test.Database).GetEntriesForAsync("case", caseId);
        Assert.Contains(log, e => e.Action == "case.revoke" && e.User == "alice");
        Assert.Equal(2, log.Count(e => e.Action == "case.share"));
    }

    [DatabaseTheory]
    public async Task ACaseThatDoesNotExist_AndOneNotShared_GetTheSameAnswer(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "t", "fraud"));

        var hidden = await Assert.ThrowsAsync<NotFoundException>(() => store.GetAsync(TestDatabase.Bruno, "C-1"));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => store.GetAsync(TestDatabase.Bruno, "C-2"));

        Assert.Equal(hidden.Message.Replace("C-1", "X", StringComparison.Ordinal), missing.Message.Replace("C-2", "X", StringComparison.Ordinal));
    }

    [DatabaseTheory]
    public async Task Notifications_AreReadPerPerson_AndTheCountFollows(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        await new SqlAgencyStore(test.Database).RegisterAsync(TestDatabase.Alice, new Agency("bka-de", "BKA", "DE", AgencyKind.Police));
        await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "t", "fraud"));
        await store.ShareAsync(TestDatabase.Alice, "C-1", "bka-de", GrantLevel.Read);
        var notifications = new SqlNotificationStore(test.Database);
        var colleague = new Actor("berta", "bka-de");

        Assert.Equal(1, await notifications.UnreadCountAsync(TestDatabase.Bruno));
        var only = Assert.Single((await notifications.ListAsync(TestDatabase.Bruno, true, new PageRequest(0, 10))).Items);
        await notifications.MarkReadAsync(TestDatabase.Bruno, only.Id);

        Assert.Equal(0, await notifications.UnreadCountAsync(TestDatabase.Bruno));
        Assert.Equal(1, await notifications.UnreadCountAsync(colleague));
        Assert.Equal(0, await notifications.UnreadCountAsync(TestDatabase.Alice));
        await Assert.ThrowsAsync<NotFoundException>(() => notifications.MarkReadAsync(TestDatabase.Alice, only.Id));
        Assert.NotNull(Assert.Single((await notifications.ListAsync(TestDatabase.Bruno, false, new PageRequest(0, 10))).Items).ReadAt);
    }
}
