using Cairn.Core;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Tests.Requests;

public class RequestDrafterTests
{
    [Fact]
    public void FindingsGroupedByJurisdiction_OneDraftPerStateAndMeasure()
    {
        var drafter = new RequestDrafter(TestData.Reference, new FixedTime(TestData.Now));
        var result = drafter.Draft(new DraftInput("CASE-7", "US", [RequestFixtures.ExchangeInGermany, RequestFixtures.ExchangeInFrance, RequestFixtures.ExchangeInGermany with { ActorName = "Second GmbH" }],
            ["preservation", "freeze"], false));
        Assert.Equal(4, result.Drafts.Count);
        Assert.Equal(["DE", "DE", "FR", "FR"], result.Drafts.Select(d => d.RequestedState));
        Assert.Equal(2, result.Drafts.First(d => d.RequestedState == "DE").Findings.Count);
    }

    [Fact]
    public void Draft_IsPrefilledWithWalletsTransactionsAmountsAndLegalBasis_BudapestArt29()
    {
        var draft = RequestFixtures.DraftFor("US", "preservation");
        Assert.Equal("expedited_preservation", draft.RequestType);
        Assert.Equal("budapest-art29", draft.RuleId);
        Assert.Contains("Art 29", draft.LegalBasis, StringComparison.Ordinal);
        Assert.Contains(RequestFixtures.Address, draft.Contents["data_to_preserve"], StringComparison.Ordinal);
        Assert.Contains(RequestFixtures.TxId, draft.Contents["data_to_preserve"], StringComparison.Ordinal);
        Assert.Contains("50 BTC (5000000000 base units)", draft.Contents["data_to_preserve"], StringComparison.Ordinal);
        Assert.Contains("Example Exchange GmbH (Germany)", draft.Contents["custodian_location"], StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, draft.Status);
    }

    [Fact]
    public void UnroutablePair_IsReportedNotDrafted()
    {
        // With every party list declared complete, nothing binds Papua New Guinea and North Korea.
        var complete = new LegalReference(TestData.Reference.Jurisdictions, TestData.Reference.Instruments.Select(i => i with { PartiesCompleteness = "complete" }));
        var drafter = new RequestDrafter(complete, new FixedTime(TestData.Now));
        var result = drafter.Draft(new DraftInput(null, "PG", [RequestFixtures.ExchangeInGermany with { Jurisdiction = "KP" }], ["testimony"], false));
        Assert.Empty(result.Drafts);
        Assert.Contains("no instrument binds both states", Assert.Single(result.Unroutable), StringComparison.Ordinal);
    }

    [Fact]
    public void DraftOnAPartialPartyList_SaysPartyStatusUnverifiedInItsLegalBasis()
    {
        // North Korea is absent from the partial UNCAC list: UNCAC Art 46 is the best, unconfirmed, basis.
        var drafter = new RequestDrafter(TestData.Reference, new FixedTime(TestData.Now));
        var draft = Assert.Single(drafter.Draft(new DraftInput(null, "PG", [RequestFixtures.ExchangeInGermany with { Jurisdiction = "KP" }], ["testimony"], false)).Drafts);
        Assert.EndsWith("[party status unverified (list partial)]", draft.LegalBasis, StringComparison.Ordinal);
        Assert.DoesNotContain("party status", RequestFixtures.DraftFor("US", "preservation").LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedLanguage_IsUserError()
    {
        var drafter = new RequestDrafter(TestData.Reference, new FixedTime(TestData.Now));
        Assert.Throws<CairnException>(() => drafter.Draft(new DraftInput(null, "US", [RequestFixtures.ExchangeInGermany], ["freeze"], false, "it")));
    }
}
