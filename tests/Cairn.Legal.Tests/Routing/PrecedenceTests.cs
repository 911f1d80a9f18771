using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Legal.Tests.Routing;

/// <summary>Order of precedence, declarations with effects, informal channels and addressees.</summary>
public class PrecedenceTests
{
    private static RouteResult Find(string from, string to, string measure, LegalReference? reference = null, bool urgent = false) =>
        new RouteFinder(reference ?? TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery(from, to, measure, urgent));

    [Fact]
    public void BudapestArt27_RanksAfterTheBilateralTreaty_AndSaysWhy_Art27_1()
    {
        var options = Find("US", "DE", "stored_content").Options.ToList();
        var treaty = options.FindIndex(o => o.RuleId == "us-mlat-general");
        var art27 = options.FindIndex(o => o.RuleId == "budapest-art27");
        Assert.True(treaty >= 0 && art27 > treaty, $"us-mlat at {treaty}, Art 27 at {art27}");
        Assert.Equal("applies only where no mutual assistance treaty binds the pair: ranked after the US bilateral MLAT", options[art27].RankNote);
    }

    [Fact]
    public void Art27_KeepsItsPlace_WhenNoTreatyBindsThePair()
    {
        var noTreaties = new LegalReference(TestData.Reference.Jurisdictions, TestData.Reference.Instruments.Where(i => i.Id is "budapest"));
        var option = Assert.Single(Find("US", "DE", "stored_content", noTreaties).Options, o => o.RuleId == "budapest-art27");
        Assert.Null(option.RankNote);
    }

    [Fact]
    public void InformalChannels_RankLast_AndAreNeverALegalBasis()
    {
        var route = Find("DE", "FR", "asset_tracing");
        var firstInformal = route.Options.ToList().FindIndex(o => o.Informal);
        Assert.True(firstInformal > 0);
        Assert.All(route.Options.Skip(firstInformal), o => Assert.True(o.Informal));
        Assert.Equal("informal channel: not a legal basis, ranked last", route.Options.First(o => o.RuleId == "carin-asset-tracing").RankNote);
        Assert.DoesNotContain(route.LegalBases, o => o.InstrumentId == "carin");
    }

    [Fact]
    public void WhenOnlyInformalChannelsRemain_TheFallbackSaysSo()
    {
        var carinOnly = new LegalReference(TestData.Reference.Jurisdictions, TestData.Reference.Instruments.Where(i => i.Id == "carin"));
        var route = Find("DE", "FR", "asset_tracing", carinOnly);
        Assert.NotEmpty(route.Options);
        Assert.Equal(RouteResult.InformalOnlyFallback, route.Fallback);
    }

    [Fact]
    public void RuleExcludedByAReservation_IsLeftOut_WithTheReason()
    {
        // Japan does not apply CETS 224 Art 7 (Art 7(9)(a) reservation); the Protocol is taken as in force here to reach the rule.
        var cets224 = TestData.Reference.Instrument("cets224") with { InForce = true, EntryIntoForce = new DateOnly(2026, 1, 1) };
        var reference = new LegalReference(TestData.Reference.Jurisdictions, TestData.Reference.Instruments.Select(i => i.Id == "cets224" ? cets224 : i));
        var route = Find("RS", "JP", "subscriber_info", reference);
        Assert.DoesNotContain(route.Options, o => o.RuleId == "cets224-art7");
        Assert.Contains(route.Notes, n => n.StartsWith("cets224-art7 (CETS 224 Art 7) is not available with JP: reservation under", StringComparison.Ordinal));
    }

    [Fact]
    public void EioStates_JointInvestigationTeams_StayUnderThe2000Convention_EioArt3()
    {
        var route = Find("FR", "DE", "joint_investigation");
        Assert.Contains(route.Options, o => o.RuleId == "eu-mla-2000-art13-jit");
        Assert.Contains(route.Notes, n => n.Contains("except eu-mla-2000-art13-jit", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_CarryTheirAddresseeAndLanguages_FromDeclarations()
    {
        // Poland's UNTOC Art 18(13) and 18(14) declarations.
        var option = Find("DE", "PL", "testimony").Options.First(o => o.RuleId == "untoc-art18");
        Assert.Equal(ContactRoles.CentralAuthority, option.Addressee!.Role);
        Assert.Contains("Ministry of Justice", option.Addressee.Name, StringComparison.Ordinal);
        Assert.Equal(["pol", "eng"], option.Languages.Languages);
        Assert.Contains("Art 18(14)", option.Languages.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void AddresseeNotInTheData_IsNamedByItsRole()
    {
        var option = Find("FR", "DE", "stored_content").Options.First(o => o.RuleId == "eio-investigative-measure");
        Assert.Null(option.Addressee!.Name);
        Assert.Equal("competent executing authority of DE (not in the data)", option.Addressee.Description("DE"));
        Assert.False(option.Languages.Known);
    }
}
