namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// The Wilson score interval for a proportion (Wilson 1927; recommended over the normal
/// approximation by Brown, Cai &amp; DasGupta 2001, "Interval Estimation for a Binomial
/// Proportion"): it stays inside [0, 1] and is honest for small samples and for proportions of
/// 0 or 1, which is exactly where heuristic error rates are measured on little real data.
/// </summary>
public sealed record WilsonInterval(double Low, double High)
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>; null when there were no trials.</summary>
    public static WilsonInterval? Of(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0) return null;
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At p = 0 or 1 the bound equals the proportion exactly; rounding must not push it past it.
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new WilsonInterval(Math.Round(low, 6), Math.Round(high, 6));
    }
}
