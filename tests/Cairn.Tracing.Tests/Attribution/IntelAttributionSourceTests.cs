using System.Text;
using Cairn.Development.Generation;
using Cairn.Intel.Actors;
using Cairn.Intel.Import;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Store;
using Cairn.Intel.Tags;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Ethereum;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Attribution;

public sealed class IntelAttributionSourceTests
{
    private static readonly GeneratedChain Chain = GeneratedChain.Instance;

    private static async Task<InMemoryIntelStore> StoreWithScenarioPacksAsync()
    {
        var (actorYaml, tagYaml) = ScenarioPacks.ToPacks(Chain.Scenario);
        var store = new InMemoryIntelStore();
        await store.SaveActorPackAsync(ActorPackReader.Default.Read("scenario-actors.yaml", Encoding.UTF8.GetBytes(actorYaml)).Content!);
        await store.SaveTagPackAsync(TagPackReader.Default.Read("scenario-tags.yaml", Encoding.UTF8.GetBytes(tagYaml)).Content!);
        return store;
    }

    private static Tag NewTag(string address, string? actor, string confidence, string pack = "pack", string? category = "exchange") => new()
    {
        PackId = pack, Currency = "BTC", Network = "BTC", Identifier = address, Label = "label " + actor, Source = "https://example.org",
        Creator = "test", Confidence = confidence, Category = category, Actor = actor,
    };

    private static Actor NewActor(string id, params string[] jurisdictions) =>
        new() { Id = id, Label = id.ToUpperInvariant(), Jurisdictions = jurisdictions, Categories = ["exchange"], PackId = "actors" };

    private static string Reference(uint output) =>
        $"{Chain.Index.TransactionHash(Chain.Index.TransactionOfOutput(output))}:{Chain.Index.VoutOf(output)}";

    [Fact]
    public async Task Trace_RansomWithIntelFromImportedPacks_EndsAtTheThreeExchangesInDeFrSg()
    {
        var source = await IntelAttributionSource.FromStoreAsync(await StoreWithScenarioPacksAsync());
        var attribution = new ClusterAttribution(Chain.Index, Chain.Clusters, source);

        var result = new Tracer(Chain.Index, Chain.Clusters, attribution).Trace(new TraceRequest
        {
            From = [Chain.Scenario.Ransomware!.RansomAddress], ThroughCoinJoin = true, MaxHops = 12,
        });

        // Haircut through the CoinJoin spreads a little taint to other services; the bulk reaches the three deposit exchanges.
        Assert.Equal(["SG", "FR", "DE"], result.Jurisdictions.Take(3).Select(j => j.Jurisdiction));
        var expectedCountry = new Dictionary<string, string> { ["northwind-exchange"] = "DE", ["kestrel-markets"] = "FR", ["lionsgate-digital"] = "SG" };
        foreach (var deposit in Chain.Scenario.Ransomware.Deposits)
        {
            var depositOutputs = Chain.Index.OutputsOfAddress(Chain.AddressId(deposit.Address)).Select(Reference).ToHashSet();
            var reached = result.Endpoints.Where(e => e.Paths.Any(p => p.Any(depositOutputs.Contains)) && e.Reason == StopReason.Attributed).ToList();
            Assert.NotEmpty(reached);
            Assert.All(reached, e => Assert.Equal((deposit.Actor, expectedCountry[deposit.Actor]), (e.Attribution!.ActorId, e.Attribution.Jurisdictions.Single())));
        }
        Assert.Equal(result.SeedAmountSat, result.EndpointTotalSat + result.FeesSat);
    }

    [Fact]
    public async Task FromStore_TaggedHotWallet_AttributedToItsActorWithJurisdictionAndFullConfidence()
    {
        var source = await IntelAttributionSource.FromStoreAsync(await StoreWithScenarioPacksAsync());
        var hot = Chain.Scenario.Actors.Single(a => a.Id == "lionsgate-digital").TaggedAddresses[0];

        var attribution = source.Lookup(hot)!;

        Assert.Equal(("lionsgate-digital", "Lionsgate Digital (fictional)", "exchange", 1.0, "scenario-tags"),
            (attribution.ActorId, attribution.Label, attribution.Category, attribution.Confidence, attribution.Source));
        Assert.Equal(["SG"], attribution.Jurisdictions);
        Assert.Null(source.Lookup(Chain.Scenario.Ransomware!.RansomAddress)); // tagged, but with no actor
    }

    [Fact]
    public void Lookup_TwoActorsTagOneAddress_TheMoreConfidentWins()
    {
        const string address = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
        var source = new IntelAttributionSource(
            [NewTag(address, "weak", "web_crawl", pack: "a"), NewTag(address.ToUpperInvariant(), "strong", "service_data", pack: "b")],
            [NewActor("weak", "US"), NewActor("strong", "LT")]);

        var attribution = source.Lookup(address)!;

        Assert.Equal("strong", attribution.ActorId);
        Assert.Equal(["LT"], attribution.Jurisdictions);
        Assert.Equal(0.5, attribution.Confidence, 6);
        Assert.Equal("b", attribution.Source);
    }

    [Fact]
    public void Lookup_TagWithoutActor_AttributesNothing_AndUnknownActorKeepsTheTagLabel()
    {
        var source = new IntelAttributionSource(
            [NewTag("1NDyJtNTjmwk5xPNhjgAMu4HDHigtobu1s", null, "service_data"), NewTag("3CTPRyUbCKkByGmAVvDV6ReZXT1WfV3UPd", "ghost", "heuristic", category: null)],
            []);

        Assert.Null(source.Lookup("1NDyJtNTjmwk5xPNhjgAMu4HDHigtobu1s"));
        var ghost = source.Lookup("3CTPRyUbCKkByGmAVvDV6ReZXT1WfV3UPd")!;
        Assert.Equal(("label ghost", "unknown", 0.1), (ghost.Label, ghost.Category, ghost.Confidence));
        Assert.Empty(ghost.Jurisdictions);
    }

    [Fact]
    public void IsSanctioned_OfacAddress_IsFlaggedButNotAttributed()
    {
        var source = new IntelAttributionSource([], [], [new SanctionedAddress { Currency = "ETH", Address = "0x8589427373D6D84E98730D7795D8f6f8731FDA16", ListName = "OFAC SDN", SourceFile = "sanctioned_addresses_ETH.txt" }]);

        Assert.True(source.IsSanctioned("0x8589427373d6d84e98730d7795d8f6f8731fda16"));
        Assert.Null(source.Lookup("0x8589427373d6d84e98730d7795d8f6f8731fda16"));
        Assert.False(source.IsSanctioned("0x0000000000000000000000000000000000000001"));
    }

    [Fact]
    public void EthLookup_EvmTagInMixedCase_FoundByLowerCaseAddress()
    {
        IEthAttributionLookup source = new IntelAttributionSource(
            [NewTag("0xdAC17F958D2ee523a2206206994597C13D831ec7", "tether", "ownership") with { Currency = "ETH", Network = "ETH" }], [NewActor("tether", "SV")]);

        var found = source.Lookup("0xdac17f958d2ee523a2206206994597c13d831ec7");

        Assert.Equal(new EthAttribution("tether", "exchange", found!.Jurisdictions, 1.0) { Label = found.Label, Source = found.Source }, found);
        Assert.Equal(["SV"], found.Jurisdictions);
        Assert.False(string.IsNullOrEmpty(found.Label));
        Assert.False(string.IsNullOrEmpty(found.Source));
    }
}
