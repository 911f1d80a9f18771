using Cairn.Core;
using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Legal.Tests.Routing;

public class RouteFinderTests
{
    private static RouteResult Find(string from, string to, string measure, bool urgent = false) =>
        new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery(from, to, measure, urgent));

    // State pairs with their expected top route and the article each rests on.
    [Theory]
    [InlineData("FR", "DE", "subscriber_info", false, "eio-investigative-measure", "judicial_to_judicial")] // Directive 2014/41/EU Arts 1, 10(2)(e)
    [InlineData("FR", "DE", "freeze", false, "reg1805-freezing", "judicial_to_judicial")]                    // Regulation 2018/1805 Arts 4, 7
    [InlineData("FR", "DE", "confiscation", false, "reg1805-confiscation", "judicial_to_judicial")]          // Regulation 2018/1805 Arts 14, 18
    [InlineData("FR", "DE", "preservation", false, "eio-provisional-measure", "judicial_to_judicial")]      // Directive 2014/41/EU Art 32 (verified pass 12); the EPOC-PR (Reg 2023/1543) is equally specific and verified, ranked second by instrument id
    [InlineData("US", "DE", "preservation", false, "budapest-art29", "contact_24_7")]                        // ETS 185 Art 29, Art 35
    [InlineData("US", "DE", "expedited_disclosure", false, "budapest-art30", "contact_24_7")]                // ETS 185 Art 30(1): disclosure of traffic data preserved under Art 29
    [InlineData("US", "DE", "traffic_data", false, "budapest-art31", "central_authority")]                   // ETS 185 Art 31: stored (traffic) data; Art 30 is not a general traffic-data route
    [InlineData("US", "DE", "stored_content", false, "budapest-art31", "central_authority")]                 // ETS 185 Art 31 (specificity 3; US MLAT also 3 but unverified)
    [InlineData("US", "DE", "confiscation", false, "us-mlat-general", "central_authority")]                  // bilateral MLAT (specificity 3) before UNTOC Art 13 (2)
    [InlineData("US", "DE", "asset_return", false, "uncac-art57", "central_authority")]                      // UNCAC Art 57 (specificity 3) before UNTOC Art 14(2)
    [InlineData("US", "DE", "fiu_exchange", false, "egmont-request", "fiu_to_fiu")]                          // Egmont principles
    [InlineData("DK", "DE", "subscriber_info", false, "budapest-art31", "central_authority")]                // Denmark not bound by the EIO: Budapest Art 31
    [InlineData("IE", "FR", "testimony", false, "eu2000-direct", "judicial_to_judicial")]                     // Ireland outside the EIO: 2000 Convention Art 6
    public void Pair_HasExpectedTopRoute(string from, string to, string measure, bool urgent, string ruleId, string channel)
    {
        var route = Find(from, to, measure, urgent);
        Assert.NotEmpty(route.Options);
        Assert.Equal(ruleId, route.Options[0].RuleId);
        Assert.Equal(channel, route.Options[0].Channel);
        Assert.Null(route.Fallback);
    }

    [Fact]
    public void FranceToGermany_PreservationBeforeTheEvidenceRegulationApplies_IsTheEioProvisionalMeasure_Art32()
    {
        // Regulation (EU) 2023/1543 applies from 18 August 2026 (Art 34(2)); the day before, the EIO's Art 32 is the top route.
        var before = new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery("FR", "DE", "preservation", false, On: new DateOnly(2026, 8, 17)));
        Assert.Equal("eio-provisional-measure", before.Options[0].RuleId);
        Assert.DoesNotContain(before.Options, o => o.InstrumentId == "reg-2023-1543");
        Assert.Contains(before.Notes, n => n.Contains("applies only from 2026-08-18", StringComparison.Ordinal));
    }

    [Fact]
    public void EioStates_OldConventionsAreReplaced_DirectiveArt34()
    {
        var route = Find("FR", "DE", "testimony");
        Assert.DoesNotContain(route.Options, o => o.InstrumentId is "ets030" or "eu-mla-2000");
        Assert.Contains(route.Notes, n => n.Contains("Art 34(1)", StringComparison.Ordinal));
    }

    [Fact]
    public void DenmarkAndIreland_NeverGetEioOrFreezingRegulation()
    {
        foreach (var pair in new[] { ("DK", "FR"), ("FR", "IE"), ("IE", "DK") })
            foreach (var measure in new[] { "stored_content", "freeze", "confiscation", "preservation" })
                Assert.DoesNotContain(Find(pair.Item1, pair.Item2, measure).Options, o => o.InstrumentId is "eio" or "reg-2018-1805");
    }

    [Fact]
    public void UrgentFreeze_BetweenRegulationStates_Has48HourLimits_Art9()
    {
        var top = Find("FR", "DE", "freeze", urgent: true).Options[0];
        Assert.Contains(top.Deadlines, d => d.Id == "recognition_urgent" && d.Amount == 48 && d.Unit == Legal.Reference.DeadlineUnit.Hours && d.Citation.Contains("Art 9(3)", StringComparison.Ordinal));
        // Both 48-hour limits are in Art 9(3) (issue 13 review of Regulation 2018/1805).
        Assert.Contains(top.Deadlines, d => d.Id == "execution_urgent" && d.Citation.Contains("Art 9(3)", StringComparison.Ordinal));
        Assert.Contains(top.RequiredContents, c => c.Id == "urgency_reason");
        Assert.DoesNotContain(Find("FR", "DE", "freeze").Options[0].Deadlines, d => d.Id == "recognition_urgent");
    }

    [Fact]
    public void UrgentOnlyRules_AppearOnlyWhenUrgent_EtsArt25_3()
    {
        Assert.DoesNotContain(Find("US", "DE", "stored_content").Options, o => o.RuleId == "budapest-art25-urgent");
        Assert.Contains(Find("US", "DE", "stored_content", urgent: true).Options, o => o.RuleId == "budapest-art25-urgent");
    }

    [Fact]
    public void NoInstrumentBindsBothStates_WhenEveryListIsComplete_SaysReciprocityOrLettersRogatory()
    {
        // North Korea is listed only by UNTOC, which Papua New Guinea has not joined; with every list declared
        // complete nothing can bind the pair. (Somalia, used before, is a UNCAC party since 2021.)
        var complete = WithInstruments(TestData.Reference.Instruments.Select(i => i with { PartiesCompleteness = "complete" }));
        var route = new RouteFinder(complete, new FixedTime(TestData.Now)).Find(new RouteQuery("PG", "KP", "testimony", false));
        Assert.Empty(route.Options);
        Assert.Equal(RouteResult.NoInstrumentFallback, route.Fallback);
    }

    [Fact]
    public void StateAbsentFromPartialLists_IsNoProofOfAbsence_OptionsAreUnconfirmed()
    {
        // North Korea is absent from the UNCAC list, which lists Papua New Guinea; declared partial here (as it was until
        // the pass-14 data), that absence proves nothing. Papua New Guinea is not a party to UNTOC, whose list is
        // complete (UNTC XVIII-12, 2024-05-04).
        var route = new RouteFinder(Without("uncac", "KP"), new FixedTime(TestData.Now)).Find(new RouteQuery("PG", "KP", "testimony", false));
        Assert.Contains(route.Options, o => o.RuleId == "uncac-art46");
        Assert.DoesNotContain(route.Options, o => o.InstrumentId == "untoc");
        Assert.Contains("PG is not a party to UNTOC", route.Notes);
        Assert.All(route.Options, o => Assert.Equal(RouteOption.PartyStatusUnverified, o.PartyStatus));
        Assert.All(route.Options, o => Assert.Contains(o.Unverified, u => u.StartsWith("party status unverified (list partial): KP", StringComparison.Ordinal)));
        Assert.Equal(RouteResult.UnconfirmedOnlyFallback, route.Fallback);
    }

    [Fact]
    public void StateAbsentFromTheCompleteUncacList_IsNotAParty_NoUncacRouteIsOffered()
    {
        // The UNCAC list is complete since pass 14: its 190 parties on 2024-04-20 equal the depositary's count (UNTC
        // XVIII-14), every entry dated; North Korea has neither signed nor acceded.
        var route = Find("PG", "KP", "testimony");
        Assert.DoesNotContain(route.Options, o => o.InstrumentId == "uncac");
        Assert.Contains("KP is not a party to UNCAC", route.Notes);
    }

    [Fact]
    public void NetherlandsMissingFromUntocList_FreezeToSingapore_ListsUntocArts18And13AsUnconfirmed()
    {
        // UNTOC Art 18(1) (MLA incl. freezing, 18(3)(c)) and Art 13 (confiscation cooperation); SG is a listed party.
        var reference = Without("untoc", "NL");
        var route = new RouteFinder(reference, new FixedTime(TestData.Now)).Find(new RouteQuery("NL", "SG", "freeze", false));
        var untoc = route.Options.Where(o => o.InstrumentId == "untoc").ToList();
        Assert.Equal(["untoc-art13", "untoc-art18"], untoc.Select(o => o.RuleId).Order(StringComparer.Ordinal));
        Assert.All(untoc, o => Assert.False(o.PartiesConfirmed));
        Assert.All(untoc, o => Assert.Contains("party status unverified (list partial): NL is not in the UNTOC party list, which is partial", o.Unverified));
        Assert.NotEqual(RouteResult.NoInstrumentFallback, route.Fallback);
    }

    [Fact]
    public void UnconfirmedOptions_RankAfterEveryListedOne()
    {
        // Germany and the United States are listed UNTOC parties; ETS 030's partial list names Germany only.
        var options = Find("US", "DE", "testimony").Options;
        Assert.True(options[0].PartiesConfirmed);
        Assert.Contains(options, o => o.InstrumentId == "ets030" && !o.PartiesConfirmed);
        Assert.True(options.SkipWhile(o => o.PartiesConfirmed).All(o => !o.PartiesConfirmed));
        Assert.Null(Find("US", "DE", "testimony").Fallback);
    }

    [Fact]
    public void StateListedWithLaterEntryIntoForce_IsNotACandidate()
    {
        var untoc = TestData.Reference.Instrument("untoc") with { PartiesCompleteness = "partial" };
        var later = untoc with { Parties = [.. untoc.Parties.Where(p => p.State != "NL"), new InstrumentParty("NL", null, null, new DateOnly(2030, 1, 1), true, null, null)] };
        var reference = WithInstruments(TestData.Reference.Instruments.Select(i => i.Id == "untoc" ? later : i));
        var route = new RouteFinder(reference, new FixedTime(TestData.Now)).Find(new RouteQuery("NL", "SG", "freeze", false));
        Assert.DoesNotContain(route.Options, o => o.InstrumentId == "untoc");
    }

    [Fact]
    public void RansomwareCase_FreezeToSingapore_LeavesUncacOut_UncacArt3()
    {
        // UNCAC applies to corruption and the offences established under it (Art 3(1), Arts 15-25):
        // a ransomware case rests on UNTOC instead; a corruption case may use UNCAC.
        var ransomware = new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery("NL", "SG", "freeze", false, "ransomware"));
        Assert.DoesNotContain(ransomware.Options, o => o.InstrumentId == "uncac");
        Assert.Contains(ransomware.Options, o => o.InstrumentId == "untoc");
        Assert.Contains(ransomware.Notes, n => n.StartsWith("UNCAC binds both states but applies only to corruption", StringComparison.Ordinal) && n.Contains("UNCAC Art 3(1)", StringComparison.Ordinal));

        var corruption = new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery("NL", "SG", "freeze", false, "Trading in influence"));
        Assert.Contains(corruption.Options, o => o.InstrumentId == "uncac");
        var unknown = new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery("NL", "SG", "freeze", false));
        Assert.Contains(unknown.Options, o => o.InstrumentId == "uncac");
    }

    private static LegalReference WithInstruments(IEnumerable<Instrument> instruments) => new(TestData.Reference.Jurisdictions, instruments);

    /// <summary>The reference data with <paramref name="state"/> taken out of the instrument's list, declared partial.</summary>
    private static LegalReference Without(string instrumentId, string state) =>
        WithInstruments(TestData.Reference.Instruments.Select(i => i.Id == instrumentId ? i with { Parties = i.Parties.Where(p => p.State != state).ToList(), PartiesCompleteness = "partial" } : i));

    [Fact]
    public void SecondProtocol_NotInForce_IsNotedNotRouted_Cets224Art16()
    {
        var route = Find("JP", "RS", "subscriber_info");
        Assert.DoesNotContain(route.Options, o => o.InstrumentId == "cets224");
        Assert.Contains(route.Notes, n => n.Contains("not in force", StringComparison.Ordinal));
    }

    [Fact]
    public void UnverifiedFacts_AreNamedOnTheOption()
    {
        // The UK hub rule is still unverified (pass 15 verified the US, Canadian and Australian hub rules).
        var option = Find("GB", "IN", "confiscation").Options.First(o => o.InstrumentId == "gb-mlat");
        Assert.False(option.Verified);
        Assert.Contains(option.Unverified, u => u.Contains("gb-mlat-general", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("XX", "DE", "testimony", "unknown state code 'XX'")]
    [InlineData("US", "DE", "teleport", "unknown measure 'teleport'")]
    [InlineData("DE", "de", "testimony", "both 'DE'")]
    public void BadInput_IsUserErrorNamingIt(string from, string to, string measure, string expected)
    {
        var error = Assert.Throws<CairnException>(() => Find(from, to, measure));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranking_MostSpecificFirst_ThenFastest()
    {
        var options = Find("FR", "DE", "seizure").Options;
        Assert.True(options.Zip(options.Skip(1)).All(p => p.First.Specificity >= p.Second.Specificity));
        Assert.Equal(Enumerable.Range(1, options.Count), options.Select(o => o.Rank));
    }
}
