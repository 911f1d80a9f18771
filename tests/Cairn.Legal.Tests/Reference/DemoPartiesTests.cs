using Cairn.Legal.Routing;

namespace Cairn.Legal.Tests.Reference;

/// <summary>
/// The States the demo routes between are verified parties with a source, so their routes do not rest on
/// "party status unverified (list partial)". Sources per entry in data/legal/instruments (docs/legal-data.md).
/// </summary>
public class DemoPartiesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestData.Now.UtcDateTime);

    [Theory]
    [InlineData("untoc", "NL")] // BGBl. III 84/2005 list of parties
    [InlineData("untoc", "FR")] // BGBl. III 84/2005 list of parties
    [InlineData("untoc", "SG")] // BGBl. III 111/2008: deposit 28 Aug 2007
    [InlineData("untoc", "DE")]
    [InlineData("untoc", "US")]
    [InlineData("untoc", "GB")]
    [InlineData("uncac", "NL")] // BGBl. III 6/2008: deposit 31 Oct 2006
    [InlineData("uncac", "FR")] // BGBl. III 47/2006 list of parties
    [InlineData("uncac", "SG")] // BGBl. III 59/2011: deposit 6 Nov 2009
    [InlineData("uncac", "DE")]
    [InlineData("uncac", "US")] // State Department release: party from 29 Nov 2006
    [InlineData("uncac", "GB")] // BGBl. III 47/2006 list of parties
    [InlineData("budapest", "NL")] // CoE notification JJ7249C Tr./185-67, Contracting States
    [InlineData("budapest", "FR")]
    [InlineData("budapest", "DE")]
    [InlineData("budapest", "US")] // deposited 29 Sep 2006, in force 1 Jan 2007
    [InlineData("budapest", "GB")] // ratified 25 May 2011, in force 1 Sep 2011
    public void DemoState_IsAVerifiedPartyWithASource(string instrumentId, string state)
    {
        var party = TestData.Reference.Instrument(instrumentId).PartyOn(state, Today, TestData.Reference.IsEuMember);
        Assert.NotNull(party);
        Assert.True(party.Verified);
        Assert.False(string.IsNullOrWhiteSpace(party.Source));
    }

    [Fact]
    public void NetherlandsToSingapore_Freeze_RestsOnConfirmedUntocAndUncacRoutes()
    {
        var route = new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery("NL", "SG", "freeze", false));
        Assert.Null(route.Fallback);
        Assert.Contains(route.Options, o => o.RuleId == "untoc-art13" && o.PartiesConfirmed && o.Verified);
        Assert.Contains(route.Options, o => o.RuleId == "uncac-art55" && o.PartiesConfirmed);
        Assert.True(route.Options[0].PartiesConfirmed);
    }
}
