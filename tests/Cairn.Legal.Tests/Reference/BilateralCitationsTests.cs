using Cairn.Legal.Documents;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using Cairn.Legal.Tests.Requests;

namespace Cairn.Legal.Tests.Reference;

/// <summary>
/// A bilateral hub's rule cites the treaties it was checked on (Netherlands-US, Switzerland-US); a request
/// between the hub and another partner must cite that pair's own treaty, never another treaty's articles.
/// </summary>
public class BilateralCitationsTests
{
    [Fact]
    public void OwnParts_KeepsOnlyThePartsNamingTheTreaty_WithoutTheHubCaveat()
    {
        const string citation = "Netherlands-US treaty Art 13(1)(b); Switzerland-US treaty Art 29(1)(a) (numbers differ per treaty)";
        Assert.Equal("Netherlands-US treaty Art 13(1)(b)", BilateralCitations.OwnParts(citation, "Netherlands-US treaty"));
        Assert.Equal("Switzerland-US treaty Art 29(1)(a)", BilateralCitations.OwnParts(citation, "Switzerland-US treaty"));
        Assert.Null(BilateralCitations.OwnParts(citation, null));
        Assert.Null(BilateralCitations.OwnParts(citation, "US-Canada treaty"));
    }

    [Fact]
    public void OwnParts_DoesNotSplitInsideParentheses()
    {
        const string citation = "Canada-Netherlands treaty Art 5(1)(b) (not required for service of documents; numbers differ per treaty)";
        Assert.Equal("Canada-Netherlands treaty Art 5(1)(b) (not required for service of documents)", BilateralCitations.OwnParts(citation, "Canada-Netherlands treaty"));
    }

    [Fact]
    public void RequestBetweenTheHubAndARepresentativePartner_CitesThatTreatysArticles()
    {
        var (_, rule) = TestData.Reference.RuleBetween("us-mlat-general", "NL", "US");
        Assert.StartsWith("Treaty between the United States and the Kingdom of the Netherlands on Mutual Assistance in Criminal Matters (in force 1983-09-15)", rule.Citation, StringComparison.Ordinal);
        var purpose = rule.RequiredContents.Single(i => i.Id == "purpose");
        Assert.Equal("Netherlands-US treaty Art 13(1)(d)", purpose.Citation);
        Assert.DoesNotContain(rule.RequiredContents.Concat(rule.RefusalGrounds), i => i.Citation.Contains("Switzerland", StringComparison.Ordinal));
    }

    [Fact]
    public void RequestBetweenTheHubAndAnotherPartner_CitesNoOtherTreatysArticle()
    {
        var (_, rule) = TestData.Reference.RuleBetween("us-mlat-general", "DE", "US");
        Assert.Contains("United States", rule.Citation, StringComparison.Ordinal);
        Assert.Contains("Germany", rule.Citation, StringComparison.Ordinal);
        Assert.All(rule.RequiredContents.Concat(rule.RefusalGrounds), i => Assert.Equal(BilateralCitations.ArticleNotRecorded, i.Citation));
        Assert.DoesNotContain("Netherlands", rule.DualCriminality.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleBetweenStatesOfAMultilateralInstrument_IsCitedAsItStands()
    {
        var (_, original) = TestData.Reference.Rule("budapest-art29");
        var (_, between) = TestData.Reference.RuleBetween("budapest-art29", "US", "DE");
        Assert.Same(original, between);
    }

    [Fact]
    public void DraftFromGermanyToTheUnitedStates_NamesTheirTreaty_AndFlagsTheMissingArticles()
    {
        var draft = DraftToTheUnitedStates("DE");
        Assert.Equal("us-mlat-general", draft.RuleId);
        Assert.DoesNotContain("Netherlands", draft.LegalBasis, StringComparison.Ordinal);
        Assert.Contains(draft.Unverified, u => u.Contains("article numbers not recorded", StringComparison.Ordinal));
        var document = RequestComposer.Compose(draft, TestData.Reference);
        var text = string.Join("\n", document.Sections.SelectMany(s => s.Paragraphs));
        Assert.DoesNotContain("Netherlands-US", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Switzerland-US", text, StringComparison.Ordinal);
        Assert.Contains($"({BilateralCitations.ArticleNotRecorded})", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DraftFromTheNetherlandsToTheUnitedStates_CitesTheNetherlandsUsTreatyOnly()
    {
        var draft = DraftToTheUnitedStates("NL");
        Assert.StartsWith("Treaty between the United States and the Kingdom of the Netherlands", draft.LegalBasis, StringComparison.Ordinal);
        var document = RequestComposer.Compose(draft, TestData.Reference);
        Assert.Contains(document.Sections.SelectMany(s => s.Paragraphs), p => p.StartsWith("Treaty between the United States and the Kingdom of the Netherlands", StringComparison.Ordinal));
        var text = string.Join("\n", document.Sections.SelectMany(s => s.Paragraphs));
        Assert.Contains("Netherlands-US treaty Art 13(1)(a)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Switzerland-US", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteOptionOfAHub_NamesThePairsTreaty()
    {
        var route = new Cairn.Legal.Routing.RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(new Cairn.Legal.Routing.RouteQuery("NL", "US", "freeze", false));
        var option = route.Options.First(o => o.RuleId == "us-mlat-general");
        Assert.StartsWith("Treaty between the United States and the Kingdom of the Netherlands", option.Treaty, StringComparison.Ordinal);
        Assert.Null(route.Options.First(o => o.RuleId != "us-mlat-general").Treaty);
    }

    private static LegalRequest DraftToTheUnitedStates(string from)
    {
        var drafter = new RequestDrafter(TestData.Reference, new FixedTime(TestData.Now));
        var input = new DraftInput("CASE-7", from, [RequestFixtures.ExchangeInGermany with { Jurisdiction = "US" }], ["freeze"], false, RuleId: "us-mlat-general");
        return Assert.Single(drafter.Draft(input).Drafts);
    }
}
