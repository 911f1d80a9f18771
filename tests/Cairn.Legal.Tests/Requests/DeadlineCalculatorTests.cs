using Cairn.Legal.Requests;

namespace Cairn.Legal.Tests.Requests;

public class DeadlineCalculatorTests
{
    private static LegalRequest SentAndAcknowledged(string from, string measure, bool urgent, DateTimeOffset sent, DateTimeOffset acknowledged, FixedTime time)
    {
        var request = RequestFixtures.DraftFor(from, measure, urgent, time: time);
        RequestFixtures.Complete(request);
        RequestLifecycle.Transition(request, RequestStatus.Ready, sent, TestData.Reference);
        RequestLifecycle.Transition(request, RequestStatus.Sent, sent, TestData.Reference);
        RequestLifecycle.Transition(request, RequestStatus.Acknowledged, acknowledged, TestData.Reference);
        return request;
    }

    [Fact]
    public void EioRecognition_Is30DaysFromReceipt_Execution90DaysAfter_Art12()
    {
        var time = new FixedTime(TestData.Now);
        var received = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var request = SentAndAcknowledged("FR", "stored_content", false, received.AddDays(-2), received, time);
        var deadlines = new DeadlineCalculator(TestData.Reference, time).Compute(request).ToDictionary(d => d.DeadlineId);
        Assert.Equal(received.AddDays(30), deadlines["recognition"].Due);
        Assert.Equal(received.AddDays(120), deadlines["execution"].Due);
        Assert.Equal("met", deadlines["acknowledge_receipt"].State);
    }

    [Fact]
    public void UrgentFreezing_Is48HoursPlus48Hours_Art9_3_4_AndDueSoonThenOverdue()
    {
        var received = TestData.Now;
        var time = new FixedTime(received);
        var request = SentAndAcknowledged("FR", "freeze", true, received.AddHours(-1), received, time);
        var calculator = new DeadlineCalculator(TestData.Reference, time);
        var recognition = calculator.Compute(request).Single(d => d.DeadlineId == "recognition_urgent");
        Assert.Equal(received.AddHours(48), recognition.Due);
        Assert.Equal("pending", recognition.State);
        time.Now = received.AddHours(40);
        Assert.Equal("due_soon", calculator.Compute(request).Single(d => d.DeadlineId == "recognition_urgent").State);
        time.Now = received.AddHours(49);
        Assert.Equal("overdue", calculator.Compute(request).Single(d => d.DeadlineId == "recognition_urgent").State);
        Assert.Equal(received.AddHours(96), calculator.Compute(request).Single(d => d.DeadlineId == "execution_urgent").Due);
        Assert.Contains(calculator.Reminders([request]), d => d.DeadlineId == "recognition_urgent");
    }

    [Fact]
    public void Confiscation_Is45Days_Art20()
    {
        var time = new FixedTime(TestData.Now);
        var request = SentAndAcknowledged("FR", "confiscation", false, TestData.Now, TestData.Now, time);
        Assert.Equal(TestData.Now.AddDays(45), new DeadlineCalculator(TestData.Reference, time).Compute(request).Single().Due);
    }

    [Fact]
    public void Preservation_Lasts60Days_BudapestArt29_7()
    {
        var time = new FixedTime(TestData.Now);
        var request = SentAndAcknowledged("US", "preservation", false, TestData.Now, TestData.Now, time);
        var period = new DeadlineCalculator(TestData.Reference, time).Compute(request).Single();
        Assert.Equal("minimum_retention", period.Kind);
        Assert.Equal(TestData.Now.AddDays(60), period.Due);
    }

    [Fact]
    public void DraftRequest_DeadlinesNotStarted_ClosedRequestHasNoReminders()
    {
        var time = new FixedTime(TestData.Now);
        var draft = RequestFixtures.DraftFor("FR", "confiscation", time: time);
        var calculator = new DeadlineCalculator(TestData.Reference, time);
        Assert.All(calculator.Compute(draft), d => Assert.Equal("not_started", d.State));
        var request = SentAndAcknowledged("FR", "confiscation", false, TestData.Now.AddDays(-50), TestData.Now.AddDays(-50), time);
        Assert.Single(calculator.Reminders([request]));
        RequestLifecycle.Transition(request, RequestStatus.Withdrawn, TestData.Now, TestData.Reference);
        Assert.Empty(calculator.Reminders([request]));
    }
}
