using Cairn.Intel.Addresses;
using Cairn.Intel.Screening;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Screening;

public class ScreenerTests : IClassFixture<ScreeningFixture>
{
    private readonly ScreeningFixture _fixture;
    private readonly Screener _screener;

    public ScreenerTests(ScreeningFixture fixture)
    {
        _fixture = fixture;
        _screener = new Screener(fixture.Index);
    }

    [Fact]
    public void Screen_TaggedBitcoinAddress_ReportsLabelActorJurisdictionAndConfidence()
    {
        var result = _screener.Screen("1Archive1n2C579dMsAu3iC6tWzuQJz8dN");

        Assert.Equal(ScreeningStatus.Hit, result.Status);
        Assert.Equal(AddressFamily.Bitcoin, result.Family);
        var hit = Assert.Single(result.Hits);
        Assert.Equal(HitKind.Tag, hit.Kind);
        Assert.Equal("demo", hit.Source);
        Assert.Equal("Internet Archive", hit.Label);
        Assert.Equal("internet_archive", hit.ActorId);
        Assert.Equal(["US"], hit.Jurisdictions);
        Assert.Equal("organization", hit.Category);
        Assert.Equal("service_data", hit.Confidence);
        Assert.Equal(50, hit.ConfidenceLevel);
    }

    [Fact]
    public void Screen_SanctionedAddress_CarriesSdnNameProgrammeAndListDate()
    {
        var result = _screener.Screen("149w62rY42aZBox8fGcmqNsXUzSStKeq8C", "btc");

        var hit = Assert.Single(result.Hits);
        Assert.Equal(HitKind.Sanction, hit.Kind);
        Assert.Equal("sanction", hit.Abuse);
        Assert.Equal("authority_data", hit.Confidence);
        Assert.Equal("KHORASHADIZADEH, Ali", hit.Sanction!.EntryName);
        Assert.Equal(["CYBER2"], hit.Sanction.Programs);
        Assert.Equal(ScreeningFixture.ListDate, hit.Sanction.ListDate);
    }

    [Fact]
    public void Screen_UpperCaseBech32_MatchesTheListedLowerCaseAddress()
    {
        var listed = _fixture.Sanctions.First(s => s.Address.StartsWith("bc1", StringComparison.Ordinal)).Address;

        var result = _screener.Screen(listed.ToUpperInvariant());

        Assert.Equal(ScreeningStatus.Hit, result.Status);
        Assert.Equal(listed, result.Normalized);
    }

    [Fact]
    public void Screen_BitcoinAddressWithBadChecksum_IsMalformedNotMatched()
    {
        var result = _screener.Screen("149w62rY42aZBox8fGcmqNsXUzSStKeq8D");

        Assert.Equal(ScreeningStatus.Malformed, result.Status);
        Assert.Empty(result.Hits);
        Assert.Contains("checksum", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_EvmAddressInAnyCase_MatchesButABrokenChecksumIsMalformed()
    {
        var listed = _fixture.Sanctions.First(s => s.Currency == "ETH" && s.Address.Any(char.IsAsciiLetterUpper)).Address;

        Assert.Equal(ScreeningStatus.Hit, _screener.Screen(listed).Status);
        Assert.Equal(ScreeningStatus.Hit, _screener.Screen(listed.ToLowerInvariant(), "eth").Status);
        var letter = listed.IndexOf(listed.Skip(2).First(char.IsAsciiLetterUpper), 2);
        var broken = listed[..letter] + char.ToLowerInvariant(listed[letter]) + listed[(letter + 1)..];
        var result = _screener.Screen(broken);
        Assert.Equal(ScreeningStatus.Malformed, result.Status);
        Assert.Contains("EIP-55", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ValidUnlistedAddress_IsNoHit()
    {
        var result = _screener.Screen("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "btc");

        Assert.Equal(ScreeningStatus.NoHit, result.Status);
        Assert.Equal("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", result.Normalized);
    }

    [Fact]
    public void Screen_NotAnEvmAddressWithChainEth_IsMalformed() =>
        Assert.Equal(ScreeningStatus.Malformed, _screener.Screen("1Archive1n2C579dMsAu3iC6tWzuQJz8dN", "eth").Status);

    [Fact]
    public void Screen_TronAddress_MatchesAsWrittenAndFiltersByCurrency()
    {
        var tron = _fixture.Sanctions.First(s => s.Currency == "TRX").Address;

        var any = _screener.Screen(tron);
        Assert.Equal(ScreeningStatus.Hit, any.Status);
        Assert.Equal(AddressFamily.Other, any.Family);
        Assert.Equal(ScreeningStatus.Hit, _screener.Screen(tron, "trx").Status);
        Assert.Equal(ScreeningStatus.NoHit, _screener.Screen(tron, "ltc").Status);
    }

    [Fact]
    public void Screen_WithClusterResolver_ReportsHitsOnOtherAddressesOfTheCluster()
    {
        const string untagged = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        const string sanctioned = "149w62rY42aZBox8fGcmqNsXUzSStKeq8C";
        var clusters = new InMemoryClusterResolver();
        clusters.Add(7, [new NormalizedAddress(AddressFamily.Bitcoin, untagged), new NormalizedAddress(AddressFamily.Bitcoin, sanctioned)]);

        var result = new Screener(_fixture.Index, clusters).Screen(untagged);

        Assert.Equal(ScreeningStatus.Hit, result.Status);
        Assert.Empty(result.Hits);
        Assert.Equal(7, result.ClusterId);
        var clusterHit = Assert.Single(result.ClusterHits);
        Assert.Equal(sanctioned, clusterHit.Address);
        Assert.Equal("KHORASHADIZADEH, Ali", clusterHit.Hit.Sanction!.EntryName);
    }

    [Fact]
    public void Match_HitsAndValidatedMisses_AllocateNothing()
    {
        var listed = _fixture.Sanctions.Where(s => s.Currency is "XBT" or "ETH").Select(s => s.Address.ToLowerInvariant() == s.Address || s.Currency == "XBT" ? s.Address : s.Address.ToLowerInvariant()).Take(200).ToArray();
        foreach (var address in listed) _fixture.Index.Match(address, null, out _, out _); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = 0;
        for (var round = 0; round < 10; round++)
            foreach (var address in listed)
                if (_fixture.Index.Match(address, null, out _, out _) == ScreeningStatus.Hit) hits++;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(listed.Length * 10, hits);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Build_MalformedTagAddresses_AreLeftOutOfTheIndex()
    {
        var builder = new ScreeningIndexBuilder();
        builder.AddTags(Cairn.Intel.Import.TagPackReader.Default.ReadFile(SharedData.TagPack("plustoken.yaml")).Content!.Tags);
        var index = builder.ToIndex();

        Assert.Equal(2, builder.SkippedMalformed);
        Assert.Equal(ScreeningStatus.Malformed, index.Match("1MFgcyJ7ZNSknbTBRaih6zWDE6V1A64tRYs", null, out _, out _));
    }
}
