using Cairn.Intel.Import;
using Cairn.Intel.Sanctions;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Sanctions;

public class OfacImportTests
{
    private static readonly DateOnly ListDate = new(2024, 9, 27);

    private static readonly Lazy<IReadOnlyList<SanctionedAddress>> Combined = new(() =>
        OfacImport.Default.Read([SharedData.OfacLists, SharedData.SdnCsv], new ImportOptions { ListDate = ListDate }).Content!);

    [Fact]
    public void Read_PerAssetLists_KeepsEveryListedAddress()
    {
        var listed = Directory.EnumerateFiles(SharedData.OfacLists, "sanctioned_addresses_*.txt")
            .SelectMany(f => File.ReadAllLines(f).Where(l => l.Trim().Length > 0).Select(l => (Asset: OfacAddressListReader.AssetOf(f)!, Address: l.Trim())))
            .ToHashSet();
        var imported = Combined.Value.Select(s => (s.Currency, s.Address)).ToHashSet();

        Assert.Subset(imported, listed);
    }

    [Fact]
    public void Read_ListedAddressAlsoInSdnCsv_CarriesEntryNameProgrammeAndListDate()
    {
        var hit = Combined.Value.Single(s => s.Address == "149w62rY42aZBox8fGcmqNsXUzSStKeq8C");

        Assert.Equal("KHORASHADIZADEH, Ali", hit.EntryName);
        Assert.Equal(26137, hit.Entry!.EntryNumber);
        Assert.Equal(["CYBER2"], hit.Entry.Programs);
        Assert.Equal(ListDate, hit.ListDate);
        Assert.Equal("sanctioned_addresses_XBT.txt", hit.SourceFile);
    }

    [Fact]
    public void Read_ListedAddressMissingFromTheCutSdnRemarks_IsNameUnavailable()
    {
        // Every list address that SDN.CSV never mentions keeps "name unavailable" and no invented entry.
        var sdnText = File.ReadAllText(SharedData.SdnCsv).ToLowerInvariant();
        var nameless = Combined.Value.Where(s => s.Entry is null).ToList();

        Assert.NotEmpty(nameless);
        Assert.All(nameless, s =>
        {
            Assert.Equal(SanctionedAddress.NameUnavailable, s.EntryName);
            Assert.DoesNotContain(s.Address.ToLowerInvariant(), sdnText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Read_EthereumAddressesJoinRegardlessOfCase()
    {
        // The XBT/ETH lists and SDN.CSV write some EVM addresses in different cases; they are one address.
        var tornado = Combined.Value.Where(s => s.Entry?.EntryNumber == 39796).ToList();

        Assert.NotEmpty(tornado);
        Assert.All(tornado, s => Assert.Equal("TORNADO CASH", s.EntryName));
    }

    [Fact]
    public void Read_MissingPath_IsAUserError() =>
        Assert.Throws<Cairn.Core.CairnException>(() => OfacImport.Default.Read(["/nonexistent/ofac"]));
}
