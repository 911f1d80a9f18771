namespace Cairn.Exchange.Matching;

/// <summary>
/// The size of a Bloom filter for <see cref="Capacity"/> entries at a target false-positive rate
/// p: m = ⌈−n·ln p / (ln 2)²⌉ bits and k = round(m/n · ln 2) hash functions (Bloom 1970; the
/// optimum derived in Broder &amp; Mitzenmacher, "Network Applications of Bloom Filters", 2004, §2.1),
/// but at least √(120·n/p) bits. The positions are g_i = h1 + i·h2 mod m (Kirsch &amp; Mitzenmacher
/// 2006), so a query whose (h1, h2) modulo m equals an entry's, or is its progression shifted by j
/// steps or reversed, meets the entry's bits in all but |j| places: about 12·n/m² of all queries hit
/// that way (2/m² per entry for one (h1, h2) pair, times Σ 2^−|j| = 3 shifts at half the bits set, times
/// two directions), whatever k is. For a few entries that swamps the formula: 3 identifiers at
/// p = 10⁻⁶ got m = 128 and a measured rate of 1.9·10⁻³. The floor keeps that term under p/10.
/// </summary>
public sealed record MatchFilterParameters(long Capacity, long Bits, int HashCount, double TargetFalsePositiveRate)
{
    public static MatchFilterParameters For(long capacity, double falsePositiveRate)
    {
        if (falsePositiveRate is <= 0 or >= 1)
            throw new Core.CairnException($"false-positive rate {falsePositiveRate} must be between 0 and 1 (exclusive)");
        var n = Math.Max(1, capacity);
        var bits = (long)Math.Ceiling(-n * Math.Log(falsePositiveRate) / (Math.Log(2) * Math.Log(2)));
        bits = Math.Max(bits, (long)Math.Ceiling(Math.Sqrt(120.0 * n / falsePositiveRate)));
        bits = Math.Max(64, (bits + 63) / 64 * 64);
        var hashes = (int)Math.Clamp(Math.Round((double)bits / n * Math.Log(2)), 1, 64);
        return new MatchFilterParameters(n, bits, hashes, falsePositiveRate);
    }

    /// <summary>
    /// The false-positive rate expected once <paramref name="entries"/> are inserted: (1 − e^(−k·n/m))^k, plus the
    /// 12·n/m² of queries that share an entry's progression (see the type's summary).
    /// </summary>
    public double ExpectedFalsePositiveRate(long entries) =>
        Math.Pow(1 - Math.Exp(-(double)HashCount * entries / Bits), HashCount) + 12.0 * entries / ((double)Bits * Bits);
}
