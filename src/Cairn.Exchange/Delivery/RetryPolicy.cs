namespace Cairn.Exchange.Delivery;

/// <summary>
/// When the outbox tries an undelivered envelope again: exponential back-off
/// (<see cref="BaseDelay"/> · 2^(attempt−1), capped at <see cref="MaxDelay"/>) with "equal jitter"
/// (half fixed, half uniformly random), so many nodes that lost the same partner do not retry in
/// lock-step once it is back. The random source is injected so schedules are reproducible in tests.
/// </summary>
public sealed class RetryPolicy
{
    private readonly Random _random;

    public RetryPolicy(Random random, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        _random = random;
        BaseDelay = baseDelay ?? TimeSpan.FromSeconds(2);
        MaxDelay = maxDelay ?? TimeSpan.FromMinutes(30);
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay) throw new ArgumentOutOfRangeException(nameof(baseDelay), "need 0 < base delay <= max delay");
    }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>The ceiling for the wait after failed attempt number <paramref name="attempt"/> (1-based), before jitter.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 40);
        var ticks = BaseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: between half the ceiling and the ceiling.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ceiling = Ceiling(attempt);
        double fraction;
        lock (_random) fraction = _random.NextDouble();
        return TimeSpan.FromTicks(ceiling.Ticks / 2 + (long)(ceiling.Ticks / 2 * fraction));
    }

    public DateTimeOffset NextAttempt(DateTimeOffset failedAt, int attempt) => failedAt + DelayAfter(attempt);
}
