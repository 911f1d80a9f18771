using Cairn.Intel.Import;
using Cairn.Intel.Screening;
using Cairn.Intel.Store;
using Cairn.Intel.Tags;
using Cairn.Storage.Intel;
using Cairn.TestSupport;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Intel;

public class SqlIntelStoreTests
{
    private static ImportOptions Options { get; } = new() { ListDate = new DateOnly(2024, 9, 27) };

    [DatabaseTheory]
    public async Task SaveTagPack_ThenLoad_GivesTheSameTags(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlIntelStore(test.Database, TestDatabase.Alice);
        var packs = new[] { "demo.yaml", "hacks.yaml", "defi-fraud-masterthesis.yaml" }.Select(p => TagPackReader.Default.ReadFile(SharedData.TagPack(p)).Content!).ToList();

        foreach (var pack in packs) Assert.Equal(PackChange.Added, await store.SaveTagPackAsync(pack));
        var loaded = await store.LoadTagsAsync(TagFilter.All);

        Assert.Equal(packs.OrderBy(p => p.Id, StringComparer.Ordinal).SelectMany(p => p.Tags), loaded);
    }

    [DatabaseTheory]
    public async Task ExportTagPack_FromTheDatabase_GivesBackTheHeaderAndEveryTag(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var service = new IntelService(new SqlIntelStore(test.Database, TestDatabase.Alice), TimeProvider.System);
        foreach (var file in new[] { "demo.yaml", "BITB_etf.yaml", "miners_additional.yaml" })
        {
            var pack = TagPackReader.Default.ReadFile(SharedData.TagPack(file)).Content!;
            await service.Store.SaveTagPackAsync(pack);
            using var text = new StringWriter();
            await service.ExportTagPackAsync(text, new TagFilter { PackId = pack.Id });

            var again = TagPackReader.Default.Read("export.yaml", System.Text.Encoding.UTF8.GetBytes(text.ToString()), new ImportOptions { PackId = pack.Id }).Content!;
            Assert.Equal((pack.Title, pack.Creator, pack.Description, pack.IsPublic), (again.Title, again.Creator, again.Description, again.IsPublic));
            Assert.Equal(pack.Tags, again.Tags);
        }
    }

    [DatabaseTheory]
    public async Task SaveTagPack_SameVersionAgain_IsUnchangedAndNewVersionReplacesItsTags(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlIntelStore(test.Database, TestDatabase.Alice);
        var original = TagPackReader.Default.ReadFile(SharedData.TagPack("tornado_cash.yaml")).Content!;
        await store.SaveTagPackAsync(original);
        var revision = await store.GetRevisionAsync();

        Assert.Equal(PackChange.Unchanged, await store.SaveTagPackAsync(original));
        Assert.Equal(revision, await store.GetRevisionAsync());

        var smaller = original with { Version = "v2", Tags = original.Tags.Take(3).ToList() };
        Assert.Equal(PackChange.Replaced, await store.SaveTagPackAsync(smaller));
        Assert.Equal(smaller.Tags, await store.LoadTagsAsync(new TagFilter { PackId = original.Id }));
        Assert.True(await store.GetRevisionAsync() > revision);
    }

    [DatabaseTheory]
    public async Task SaveActorPack_ThenFind_KeepsJurisdictionsAndContext(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlIntelStore(test.Database, TestDatabase.Alice);
        var pack = ActorPackReader.Default.ReadFile(SharedData.ActorPack).Content!;

        await store.SaveActorPackAsync(pack);

        Assert.Equal(pack.Actors.Single(a => a.Id == "binance"), await store.FindActorAsync("binance"));
        Assert.Equal(pack.Actors.Count, (await store.LoadActorsAsync()).Count);
        Assert.Null(await store.FindActorAsync("no-such-actor"));
    }

    [DatabaseTheory]
    public async Task SaveSanctions_ThenScreen_FindsSdnNameThroughTheService(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var service = new IntelService(new SqlIntelStore(test.Database, TestDatabase.Alice), test.Time);
        var ofac = SharedData.OfacLists;
        var sdn = SharedData.SdnCsv;

        var report = await service.ImportOfacAsync([ofac, sdn], Options);
        var again = await service.ImportOfacAsync([ofac, sdn], Options);
        var result = new Screener(await service.GetIndexAsync()).Screen("149w62rY42aZBox8fGcmqNsXUzSStKeq8C");

        Assert.Equal(PackChange.Added, report.Change);
        Assert.Equal(PackChange.Unchanged, again.Change);
        var hit = Assert.Single(result.Hits);
        Assert.Equal("KHORASHADIZADEH, Ali", hit.Sanction!.EntryName);
        Assert.Equal(new DateOnly(2024, 9, 27), hit.Sanction.ListDate);
    }

    [DatabaseTheory]
    public async Task SaveSanctions_FromAddressListsAlone_StoresAddressesWithoutSdnEntries(SqlDialect dialect)
    {
        // Without SDN.CSV no address has an entry number: the column is NULL for every row (PostgreSQL must get a typed NULL).
        await using var test = await TestDatabase.CreateAsync(dialect);
        var service = new IntelService(new SqlIntelStore(test.Database, TestDatabase.Alice), test.Time);

        var report = await service.ImportOfacAsync([SharedData.OfacLists], Options);
        var result = new Screener(await service.GetIndexAsync()).Screen("149w62rY42aZBox8fGcmqNsXUzSStKeq8C");

        Assert.Equal(PackChange.Added, report.Change);
        Assert.True(report.ItemCount > 100, $"{report.ItemCount} addresses");
        var hit = Assert.Single(result.Hits);
        Assert.Null(hit.Sanction!.EntryNumber);
        Assert.Equal(new DateOnly(2024, 9, 27), hit.Sanction.ListDate);
    }

    [DatabaseTheory]
    public async Task AddUserTag_IsPrivateByDefaultAndScreenedAfterTheIndexRebuilds(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var service = new IntelService(new SqlIntelStore(test.Database, TestDatabase.Alice), test.Time);
        const string address = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        var before = await service.GetIndexAsync();

        await service.AddUserTagAsync(new UserTagRequest { Address = address, Currency = "btc", Label = "suspect wallet", Source = "case NCA-1", Creator = "alice", Abuse = "ransomware" });
        var after = await service.GetIndexAsync();

        Assert.NotSame(before, after);
        var hit = Assert.Single(new Screener(after).Screen(address.ToUpperInvariant()).Hits);
        Assert.Equal(Tag.UserPackId, hit.Source);
        Assert.False(hit.IsPublic);
        Assert.Single(await service.Store.LoadTagsAsync(new TagFilter { IsPublic = false }));
        Assert.Empty(await service.Store.LoadTagsAsync(new TagFilter { IsPublic = true }));
    }
}
