namespace Cairn.Exchange.Matching;

/// <summary>
/// The size of a Bloom filter for <see cref="Capacity"/> entries at a target false-positive rate
/// p: m = ⌈−n·ln p / (ln 2)²⌉ bits and k = round(m/n · ln 2) hash functions (Bloom 1970; the
/// optimum derived in Broder &amp; Mitzenmacher, "Network Applications of Bloom Filters", 2004, §2.1).
/// </summary>
public sealed record MatchFilterParameters(long Capacity, long Bits, int HashCount, double TargetFalsePositiveRate)
{
    public static MatchFilterParameters For(long capacity, double falsePositiveRate)
    {
        if (falsePositiveRate is <= 0 or >= 1)
            throw new Core.CairnException($"false-positive rate {falsePositiveRate} must be between 0 and 1 (exclusive)");
        var n = Math.Max(1, capacity);
        var bits = (long)Math.Ceiling(-n * Math.Log(falsePositiveRate) / (Math.Log(2) * Math.Log(2)));
        bits = Math.Max(64, (bits + 63) / 64 * 64);
        var hashes = (int)Math.Clamp(Math.Round((double)bits / n * Math.Log(2)), 1, 64);
        return new MatchFilterParameters(n, bits, hashes, falsePositiveRate);
    }

    /// <summary>The false-positive rate expected once <paramref name="entries"/> are inserted: (1 − e^(−k·n/m))^k.</summary>
    public double ExpectedFalsePositiveRate(long entries) =>
        Math.Pow(1 - Math.Exp(-(double)HashCount * entries / Bits), HashCount);
}
