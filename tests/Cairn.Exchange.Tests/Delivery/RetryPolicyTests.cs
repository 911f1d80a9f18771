using Cairn.Exchange.Delivery;

namespace Cairn.Exchange.Tests.Delivery;

public class RetryPolicyTests
{
    [Fact]
    public void Delays_DoubleUpToTheCap_WithJitterInTheUpperHalf()
    {
        var policy = new RetryPolicy(new Random(7), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 7).Select(a => policy.Ceiling(a).TotalSeconds));
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            var delay = policy.DelayAfter(attempt);
            Assert.InRange(delay, policy.Ceiling(attempt) / 2, policy.Ceiling(attempt));
        }
    }

    [Fact]
    public void TheSameSeed_GivesTheSameSchedule_DifferentSeedsSpreadIt()
    {
        IEnumerable<TimeSpan> Schedule(int seed)
        {
            var policy = new RetryPolicy(new Random(seed));
            return Enumerable.Range(1, 10).Select(policy.DelayAfter).ToList();
        }

        Assert.Equal(Schedule(1), Schedule(1));
        Assert.NotEqual(Schedule(1), Schedule(2));
    }
}
