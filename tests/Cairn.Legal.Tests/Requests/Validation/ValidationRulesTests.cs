using Cairn.Core;
using Cairn.Legal.Requests;
using Cairn.Legal.Requests.Validation;
using Cairn.Legal.Tests.Requests;

namespace Cairn.Legal.Tests.Requests.Validation;

/// <summary>Which validation each instrument requires before a request is sent, and when a validation holds (issue 18).</summary>
public sealed class ValidationRulesTests
{
    private static readonly string[] Prosecutor = ["Prosecutor"];
    private static readonly string[] Investigator = ["Investigator"];

    [Fact]
    public void Eio_NeedsAProsecutor_CitingDirective2014_41Art2cii_AndTheDrafterMayBeThatProsecutor()
    {
        var eio = RequestFixtures.DraftFor("FR", "stored_content");
        Assert.Equal("eio", eio.InstrumentId);
        var rule = ValidationRules.For(eio);
        Assert.Equal("Directive 2014/41/EU Art 2(c)(ii)", rule.Citation);
        Assert.False(rule.SecondPerson);
        Assert.Null(rule.Refusal("pierre", Prosecutor, ["pierre"]));
        Assert.Contains("needs the Prosecutor role (Directive 2014/41/EU Art 2(c)(ii))", rule.Refusal("ines", Investigator, ["pierre"]), StringComparison.Ordinal);
    }

    [Fact]
    public void FreezingCertificate_NeedsTheIssuingAuthority_CitingReg2018_1805Art2_8_a_ii_AndAnnexISectionM()
    {
        var freeze = RequestFixtures.DraftFor("FR", "freeze");
        Assert.Equal("freezing_certificate", freeze.RequestType);
        var rule = ValidationRules.For(freeze);
        Assert.Same(ValidationRules.FreezingCertificate, rule);
        Assert.Equal("Regulation (EU) 2018/1805 Art 2(8)(a)(ii); Annex I section M", rule.Citation);
        Assert.Null(rule.Refusal("pierre", Prosecutor, ["pierre"]));
        Assert.NotNull(rule.Refusal("ines", Investigator, ["ines"]));
    }

    [Fact]
    public void ConfiscationCertificate_NeedsTheIssuingAuthoritysSignature_CitingReg2018_1805Art17_1_AndAnnexIISectionK()
    {
        var confiscation = RequestFixtures.DraftFor("FR", "confiscation");
        Assert.Equal("confiscation_certificate", confiscation.RequestType);
        var rule = ValidationRules.For(confiscation);
        Assert.Equal("Regulation (EU) 2018/1805 Art 17(1); Annex II section K", rule.Citation);
        Assert.NotNull(rule.Refusal("auditor", ["Auditor"], ["ines"]));
        Assert.Null(rule.Refusal("pierre", Prosecutor, ["ines"]));
    }

    [Fact]
    public void OtherInstruments_NeedASecondProsecutor_NotTheDrafterNorAnEditor_AndSaySoIsCairnsOwnControl()
    {
        var preservation = RequestFixtures.DraftFor("US", "preservation");
        Assert.Equal("budapest-art29", preservation.RuleId);
        var rule = ValidationRules.For(preservation);
        Assert.True(rule.SecondPerson);
        Assert.StartsWith("Cairn's own control", rule.Citation, StringComparison.Ordinal);
        Assert.StartsWith("four eyes: pierre drafted or edited", rule.Refusal("pierre", Prosecutor, ["ines", "pierre"]), StringComparison.Ordinal);
        Assert.Null(rule.Refusal("paula", Prosecutor, ["ines", "pierre"]));
        Assert.NotNull(rule.Refusal("olga", Investigator, ["ines"]));
        Assert.Contains("not recorded", rule.Refusal("paula", Prosecutor, [null]), StringComparison.Ordinal);
    }

    [Fact]
    public void Authors_AreTheDrafterAndEveryoneWhoEditedTheContents()
    {
        var request = RequestFixtures.DraftFor("US", "preservation");
        request.History[0] = request.History[0] with { By = "ines" };
        request.History.Add(new RequestEvent(TestData.Now, "content", RequestStatus.Draft, "x") { By = "pierre" });
        request.History.Add(new RequestEvent(TestData.Now, "status", RequestStatus.Ready, null) { By = "paula" });
        Assert.Equal(["ines", "pierre"], ValidationRules.Authors(request));
    }

    [Fact]
    public void Validation_HoldsWhileTheTextIsUnchanged_AndLapsesWhenAContentItemIsEdited()
    {
        var request = RequestFixtures.DraftFor("FR", "freeze");
        RequestFixtures.Complete(request);
        Assert.Contains("before it is validated", Assert.Throws<CairnException>(() => ValidationRules.EnsureSendable(request, null)).Message, StringComparison.Ordinal);
        var validation = new RequestValidation("pierre", "pnf-fr", "Prosecutor", TestData.Now, RequestText.Sha256(request), ValidationRules.FreezingCertificate.Citation);
        RequestLifecycle.Transition(request, RequestStatus.Ready, TestData.Now, TestData.Reference);
        Assert.True(validation.IsCurrentFor(request));
        ValidationRules.EnsureSendable(request, validation);

        RequestLifecycle.Transition(request, RequestStatus.Draft, TestData.Now, TestData.Reference);
        request.SetContent("person_identity", "a different person");
        Assert.False(validation.IsCurrentFor(request));
        var lapsed = Assert.Throws<CairnException>(() => ValidationRules.EnsureSendable(request, validation));
        Assert.Contains("validation lapsed: edited after validation", lapsed.Message, StringComparison.Ordinal);
        Assert.Equal("to", lapsed.Field);
    }
}
