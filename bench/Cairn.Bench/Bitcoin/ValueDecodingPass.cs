using System.Diagnostics;
using System.Runtime.CompilerServices;
using Cairn.Index.Bitcoin;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// Every output value summed three ways on one core, best of several rounds: decoded in chunks by
/// <see cref="BitcoinIndex.CopyValues"/>, read one by one by <see cref="BitcoinIndex.Value"/>, and, as the baseline,
/// summed from a plain array of 8-byte longs (the layout of index formats 1 and 2, in memory).
/// </summary>
// The full-pass line mixes values with addresses and input links and, being a few milliseconds in the suite's one
// long method, partly measures the JIT; each loop here is its own method compiled optimised from the first call.
internal static class ValueDecodingPass
{
    private const int Rounds = 7;

    /// <summary>Untimed rounds first, so that methods these loops call (Value is not inlined here) reach tier 1.</summary>
    private const int WarmUpRounds = 40;

    public static bool Measure(BitcoinIndex index, TextWriter output)
    {
        var count = checked((int)index.OutputCount);
        var longs = new long[count];
        index.CopyValues(0, longs);
        var chunk = new long[4096];
        var (bulk, bulkSum) = Best(() => ByCopyValues(index, chunk, count));
        var (single, singleSum) = Best(() => ByValue(index, count));
        var (plain, plainSum) = Best(() => ByLongs(longs));
        double Rate(double seconds) => count / seconds / 1e6;
        var same = bulkSum == singleSum && singleSum == plainSum;
        output.WriteLine($"value decoding (1 core, best of {Rounds} after {WarmUpRounds} untimed): CopyValues {Rate(bulk):N0} M values/s, one by one with Value {Rate(single):N0} M/s (ratio {single / bulk:F2}); baseline 8-byte longs in memory {Rate(plain):N0} M/s (ratio {plain / bulk:F2}); sums {(same ? "equal" : "DIFFER")}");
        return same;
    }

    private static (double Seconds, long Sum) Best(Func<long> pass)
    {
        var best = double.MaxValue;
        long sum = 0;
        for (var round = 0; round < WarmUpRounds; round++) pass();
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            sum = pass();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return (best, sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long ByCopyValues(BitcoinIndex index, long[] chunk, int count)
    {
        long sum = 0;
        for (var start = 0; start < count; start += chunk.Length)
        {
            var values = chunk.AsSpan(0, Math.Min(chunk.Length, count - start));
            index.CopyValues((uint)start, values);
            foreach (var value in values) sum += value;
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long ByValue(BitcoinIndex index, int count)
    {
        long sum = 0;
        for (var i = 0; i < count; i++) sum += index.Value((uint)i);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long ByLongs(long[] values)
    {
        long sum = 0;
        foreach (var value in values) sum += value;
        return sum;
    }
}
