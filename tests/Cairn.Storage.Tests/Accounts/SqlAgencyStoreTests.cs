using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Accounts;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Accounts;

public class SqlAgencyStoreTests
{
    [DatabaseTheory]
    public async Task Register_ThenFindListAndUpdate_RoundTrips_AndLogsEachChange(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlAgencyStore(test.Database);
        await store.RegisterAsync(TestDatabase.Alice, new Agency("bka-de", "Bundeskriminalamt", "DE", AgencyKind.Police));
        await store.RegisterAsync(TestDatabase.Alice, new Agency("aro-fr", "AGRASC", "FR", AgencyKind.Aro));
        await store.UpdateAsync(TestDatabase.Alice, new Agency("bka-de", "Bundeskriminalamt (BKA)", "DE", AgencyKind.Police));

        Assert.Equal(new Agency("bka-de", "Bundeskriminalamt (BKA)", "DE", AgencyKind.Police), await store.FindAsync("bka-de"));
        var page = await store.ListAsync(new PageRequest(0, 1));
        Assert.Equal((2L, "aro-fr"), (page.Total, page.Items[0].Code));
        var log = await new SqlCustodyLog(test.Database).GetEntriesForAsync("agency", "bka-de");
        Assert.Equal(["agency.register", "agency.update"], log.Select(e => e.Action));
    }

    [DatabaseTheory]
    public async Task AnAgencyOnlySeenActing_IsNotRegistered_UntilAnAdminRegistersIt(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Bruno, new NewCase("C-1", "t", "fraud"));
        var store = new SqlAgencyStore(test.Database);
        Assert.Null(await store.FindAsync("bka-de"));
        Assert.Equal(0, (await store.ListAsync(new PageRequest(0, 10))).Total);

        await store.RegisterAsync(TestDatabase.Alice, new Agency("bka-de", "BKA", "DE", AgencyKind.Police));
        Assert.NotNull(await store.FindAsync("bka-de"));
        var again = await Assert.ThrowsAsync<CairnException>(() => store.RegisterAsync(TestDatabase.Alice, new Agency("bka-de", "BKA", "DE", AgencyKind.Police)));
        Assert.Equal("code", again.Field);
        await Assert.ThrowsAsync<NotFoundException>(() => store.UpdateAsync(TestDatabase.Alice, new Agency("nope", "x", "DE", AgencyKind.Court)));
    }
}
