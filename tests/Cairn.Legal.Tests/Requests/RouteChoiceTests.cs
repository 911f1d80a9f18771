using Cairn.Core;
using Cairn.Legal.Documents;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Tests.Requests;

/// <summary>Drafting on the route the user chooses, addressed to its addressee, in a language it accepts.</summary>
public class RouteChoiceTests
{
    private static DraftResult Draft(string from, string measure, string? ruleId = null, int? rank = null, string? language = null, string jurisdiction = "DE") =>
        new RequestDrafter(TestData.Reference, new FixedTime(TestData.Now)).Draft(
            new DraftInput("CASE-7", from, [RequestFixtures.ExchangeInGermany with { Jurisdiction = jurisdiction }], [measure], false, language, RuleId: ruleId, RouteRank: rank));

    [Fact]
    public void ByRuleId_DraftsOnThatRoute_NotTheFirst()
    {
        var draft = Assert.Single(Draft("US", "stored_content", ruleId: "us-mlat-general").Drafts);
        Assert.Equal("us-mlat-general", draft.RuleId);
        Assert.True(draft.RouteRank > 1);
        Assert.Contains("Office of International Affairs", Assert.Single(Draft("DE", "stored_content", ruleId: "us-mlat-general", jurisdiction: "US").Drafts).Addressee!.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void ByRank_DraftsOnThatRoute()
    {
        var second = Assert.Single(Draft("US", "stored_content", rank: 2).Drafts);
        Assert.Equal(2, second.RouteRank);
        Assert.NotEqual(Assert.Single(Draft("US", "stored_content").Drafts).RuleId, second.RuleId);
    }

    [Fact]
    public void RuleNotAmongTheRoutes_OrRankTooHigh_IsReportedNotDrafted()
    {
        var wrong = Draft("US", "stored_content", ruleId: "eio-investigative-measure");
        Assert.Empty(wrong.Drafts);
        Assert.Contains("rule eio-investigative-measure is not among the routes found (available: 1.", Assert.Single(wrong.Unroutable), StringComparison.Ordinal);
        Assert.Contains("there is no route 99", Assert.Single(Draft("US", "stored_content", rank: 99).Unroutable), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRule_OrRankZero_IsAUserError()
    {
        Assert.Throws<CairnException>(() => Draft("US", "stored_content", ruleId: "no-such-rule"));
        Assert.Throws<CairnException>(() => Draft("US", "stored_content", rank: 0));
    }

    [Fact]
    public void Language_IsOneTheAddresseeAccepts_WhereCairnHasIt()
    {
        // Liechtenstein accepts German or English under ETS 141 (Art 25(3) reservation): the draft is in German.
        var draft = Assert.Single(Draft("CH", "freeze", ruleId: "ets141-art11-provisional", jurisdiction: "LI").Drafts);
        Assert.Equal("de", draft.Language);
        Assert.Null(draft.LanguageNote);
        Assert.Equal(["deu", "eng"], draft.AcceptedLanguages);
        Assert.StartsWith("Ersuchen um", RequestComposer.Compose(draft, TestData.Reference).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedLanguagesNotRecorded_DraftsInEnglish_WithAVisibleNote()
    {
        var draft = Assert.Single(Draft("US", "stored_content").Drafts);
        Assert.Equal("en", draft.Language);
        Assert.Contains("not recorded", draft.LanguageNote, StringComparison.Ordinal);
        Assert.Contains(draft.LanguageNote!, RequestComposer.Compose(draft, TestData.Reference).Flags);
    }

    [Fact]
    public void InformalChannel_IsDraftedOnlyWhenChosen_AndSaysItIsNoLegalBasis()
    {
        var draft = Assert.Single(Draft("DE", "asset_tracing", ruleId: "carin-asset-tracing", jurisdiction: "FR").Drafts);
        Assert.StartsWith("informal channel, not a legal basis", draft.LegalBasis, StringComparison.Ordinal);
        Assert.Contains("Informal channel", RequestComposer.Compose(draft, TestData.Reference).Flags[0], StringComparison.Ordinal);
        Assert.NotEqual("carin-asset-tracing", Assert.Single(Draft("DE", "asset_tracing", jurisdiction: "FR").Drafts).RuleId);
    }

    [Fact]
    public void Letter_HasAddresseeDateReferenceAndSignatureBlock()
    {
        var draft = Assert.Single(Draft("DE", "testimony", ruleId: "us-mlat-general", jurisdiction: "US").Drafts);
        var text = RequestComposer.Compose(draft, TestData.Reference).PlainText;
        Assert.Contains("To: U.S. Department of Justice", text, StringComparison.Ordinal);
        Assert.Contains("Date: 2026-11-21", text, StringComparison.Ordinal);
        Assert.Contains($"Reference: {draft.Id}", text, StringComparison.Ordinal);
        Assert.Contains("Signature and official stamp", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithId_KeepsEveryField()
    {
        var draft = RequestFixtures.DraftFor("FR", "freeze");
        var copy = draft.WithId(draft.Id + "-2");
        Assert.Equal(draft.Id + "-2", copy.Id);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(draft, LegalJson.Options).Replace($"\"{draft.Id}\"", "\"X\"", StringComparison.Ordinal),
            System.Text.Json.JsonSerializer.Serialize(copy, LegalJson.Options).Replace($"\"{copy.Id}\"", "\"X\"", StringComparison.Ordinal));
    }

    [Fact]
    public void OnAnOfficialForm_FieldIdsAndFillKeysCanBeSet()
    {
        var draft = RequestFixtures.DraftFor("FR", "freeze");
        var (_, rule) = TestData.Reference.Rule(draft.RuleId);
        var form = TestData.Reference.Form(draft.FormId!);
        Assert.True(LegalRequest.IsSettable("issuing_authority", rule, form));
        Assert.True(LegalRequest.IsSettable("issuing_authority.phone", rule, form));
        Assert.True(LegalRequest.IsSettable(form.Fields.First().Id, rule, form));
        Assert.False(LegalRequest.IsSettable("shoe_size", rule, form));
        Assert.False(LegalRequest.IsSettable("issuing_authority.phone", rule, null));
    }
}
