using Cairn.Core;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Tests.Requests;

public class RequestLifecycleTests
{
    [Fact]
    public void IncompleteDraft_CannotBecomeReady_AndEachMissingItemIsNamed_UntocArt18_15()
    {
        var draft = RequestFixtures.DraftFor("US", "testimony"); // UNTOC/Budapest/MLAT route; MLA contents
        var report = CompletenessChecker.Check(draft, TestData.Reference);
        Assert.False(report.Complete);
        var error = Assert.Throws<CairnException>(() => RequestLifecycle.Transition(draft, RequestStatus.Ready, TestData.Now, TestData.Reference));
        foreach (var missing in report.Missing) Assert.Contains(missing.Citation, error.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, draft.Status);
    }

    [Fact]
    public void PreservationRequest_NamesTheSixArt29_2Items_WhenNothingFilled()
    {
        var draft = RequestFixtures.DraftFor("US", "preservation");
        draft.Contents.Clear();
        var missing = CompletenessChecker.Check(draft, TestData.Reference).Missing.Select(m => m.Citation).ToList();
        Assert.Equal(["ETS 185 Art 29(2)(a)", "ETS 185 Art 29(2)(b)", "ETS 185 Art 29(2)(c)", "ETS 185 Art 29(2)(d)", "ETS 185 Art 29(2)(e)", "ETS 185 Art 29(2)(f)"], missing);
    }

    [Fact]
    public void FullLifecycle_DraftToExecuted_RecordsEveryStep()
    {
        var request = RequestFixtures.DraftFor("FR", "freeze");
        RequestFixtures.Complete(request);
        foreach (var step in new[] { RequestStatus.Ready, RequestStatus.Sent, RequestStatus.Acknowledged, RequestStatus.PartiallyExecuted, RequestStatus.Executed })
            RequestLifecycle.Transition(request, step, TestData.Now, TestData.Reference);
        Assert.Equal(RequestStatus.Executed, request.Status);
        Assert.Equal(6, request.History.Count);
    }

    [Theory]
    [InlineData(RequestStatus.Draft, RequestStatus.Sent)]
    [InlineData(RequestStatus.Draft, RequestStatus.Executed)]
    [InlineData(RequestStatus.Ready, RequestStatus.Acknowledged)]
    public void ForbiddenTransition_IsUserErrorListingAllowedOnes(RequestStatus from, RequestStatus to)
    {
        var request = RequestFixtures.DraftFor("FR", "freeze");
        RequestFixtures.Complete(request);
        if (from == RequestStatus.Ready) RequestLifecycle.Transition(request, RequestStatus.Ready, TestData.Now, TestData.Reference);
        var error = Assert.Throws<CairnException>(() => RequestLifecycle.Transition(request, to, TestData.Now, TestData.Reference));
        Assert.Contains("allowed:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NeedsAGround()
    {
        var request = ReadyFreezeRequest();
        RequestLifecycle.Transition(request, RequestStatus.Sent, TestData.Now, TestData.Reference);
        Assert.Throws<CairnException>(() => RequestLifecycle.Transition(request, RequestStatus.Refused, TestData.Now, TestData.Reference));
        RequestLifecycle.Transition(request, RequestStatus.Refused, TestData.Now, TestData.Reference, refusalGround: "Regulation (EU) 2018/1805 Art 8(1)(a) ne bis in idem");
        Assert.Equal(RequestStatus.Refused, request.Status);
        Assert.Contains("Art 8(1)(a)", request.RefusalGround, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_CannotChangeAfterDraft()
    {
        var request = ReadyFreezeRequest();
        Assert.Throws<CairnException>(() => request.SetContent("offence_and_facts", "changed"));
    }

    /// <summary>A complete freeze request to France, moved out of draft to ready.</summary>
    private static LegalRequest ReadyFreezeRequest()
    {
        var request = RequestFixtures.DraftFor("FR", "freeze");
        RequestFixtures.Complete(request);
        RequestLifecycle.Transition(request, RequestStatus.Ready, TestData.Now, TestData.Reference);
        return request;
    }
}
