using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Cases;

public class SqlCaseStoreTests
{
    [DatabaseTheory]
    public async Task Create_ThenGet_RoundTripsEveryPart_AndLogsEachStep(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        var created = await store.CreateAsync(TestDatabase.Alice, new NewCase("NCA-2025-0042", "Bybit hot wallet drain", "theft"));
        var changed = created with
        {
            Subjects = [new CaseSubject(SubjectKind.Organisation, "Lazarus Group", "DPRK")],
            Wallets = [new CaseWallet("eth", "0x47666fab8bd0ac7003bce3f5c3585383f09486e2", WalletRole.Perpetrator, "drainer")],
            Notes = [new CaseNote("alice", "nca-uk", test.Time.GetUtcNow(), "first look")],
            Links = [new CaseLink(CaseLinkKind.Trace, "trace-1")],
        };
        var saved = await store.UpdateAsync(TestDatabase.Alice, changed);
        var loaded = await store.GetAsync(TestDatabase.Alice, "NCA-2025-0042");

        Assert.Equal(2, loaded.Version);
        Assert.Equal(saved.Subjects, loaded.Subjects);
        Assert.NotEmpty(loaded.Subjects[0].Id);
        Assert.Equal(saved.Wallets, loaded.Wallets);
        Assert.Equal(saved.Notes, loaded.Notes);
        Assert.Equal(saved.Links, loaded.Links);
        Assert.Equal("nca-uk", loaded.OwningAgency);
        var entries = await new SqlCustodyLog(test.Database).GetEntriesForAsync("case", created.Id);
        Assert.Equal(["case.create", "case.update", "case.read"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("alice", e.User));
        Assert.Equal(SqlCaseStore.ContentHash(loaded), entries[^1].ContentHash);
    }

    [DatabaseTheory]
    public async Task Get_ByAnotherAgency_IsNotFound_UntilTheOwnerSharesTheCase(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Ransomware", "extortion"));

        await Assert.ThrowsAsync<NotFoundException>(() => store.GetAsync(TestDatabase.Bruno, "C-1"));
        Assert.Empty(await store.ListAsync(TestDatabase.Bruno));
        await new Cairn.Storage.Accounts.SqlAgencyStore(test.Database).RegisterAsync(TestDatabase.Alice, new Cairn.Cases.Agencies.Agency("bka-de", "BKA", "DE", Cairn.Cases.Agencies.AgencyKind.Police));
        await Assert.ThrowsAnyAsync<CairnException>(() => store.ShareAsync(TestDatabase.Bruno, "C-1", "bka-de", GrantLevel.Read));

        await store.ShareAsync(TestDatabase.Alice, "C-1", "bka-de", GrantLevel.Read);
        var seen = await store.GetAsync(TestDatabase.Bruno, "C-1");
        Assert.Equal("bka-de", Assert.Single(seen.Grants).Agency);
        Assert.Single(await store.ListAsync(TestDatabase.Bruno));
    }

    [DatabaseTheory]
    public async Task Create_WithATakenReference_FailsAndWritesNothing(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "first", "fraud"));
        var before = (await new SqlCustodyLog(test.Database).GetHeadAsync()).Head.TreeSize;
        var error = await Assert.ThrowsAsync<CairnException>(() => store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "second", "fraud")));
        Assert.Contains("C-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await new SqlCustodyLog(test.Database).GetHeadAsync()).Head.TreeSize);
    }

    [DatabaseTheory]
    public async Task Update_FromAStaleVersion_IsRejected(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        var original = await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "t", "fraud"));
        await store.UpdateAsync(TestDatabase.Alice, original with { Title = "first writer" });
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.UpdateAsync(TestDatabase.Alice, original with { Title = "second writer" }));
        Assert.Equal("first writer", (await store.GetAsync(TestDatabase.Alice, "C-1")).Title);
    }

    [DatabaseTheory]
    public async Task ConcurrentWriters_ThatRetryOnConflict_LoseNoUpdate(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await using var secondNode = await test.OpenAgainAsync();
        var stores = new[] { new SqlCaseStore(test.Database), new SqlCaseStore(secondNode) };
        await stores[0].CreateAsync(TestDatabase.Alice, new NewCase("C-1", "notes", "fraud"));
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var store = stores[writer % 2];
            while (true)
            {
                var current = await store.GetAsync(TestDatabase.Alice, "C-1");
                try
                {
                    await store.UpdateAsync(TestDatabase.Alice, current with { Notes = [.. current.Notes, new CaseNote("alice", "nca-uk", current.OpenedAt, $"writer {writer}")] });
                    return;
                }
                catch (ConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));
        var final = await stores[0].GetAsync(TestDatabase.Alice, "C-1");
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"writer {i}").Order(), final.Notes.Select(n => n.Text).Order());
        Assert.Equal(9, final.Version);
        Assert.True((await new SqlCustodyLog(test.Database).VerifyAsync()).IsValid);
    }
}
