using System.Numerics;
using Cairn.Index.Bitcoin;

namespace Cairn.Tracing.Heuristics;

/// <summary>
/// Recognises CoinJoin transactions from their output values alone (no external data), the
/// patterns of Möser &amp; Böhme, "Anonymous Alone?" (2017) and the coordinators' own rules:
/// <list type="bullet">
/// <item><c>whirlpool</c>: exactly 5 inputs and 5 outputs, all equal to a Whirlpool pool
/// denomination (0.001, 0.01, 0.05, 0.5 BTC; Samourai Whirlpool docs).</item>
/// <item><c>wasabi2</c>: WabiSabi rounds, ≥ 50 inputs and ≥ 50 outputs, most outputs on Wasabi 2's
/// standard denominations (powers of 2 and 3, 2·3^k, 1/2/5·10^k).</item>
/// <item><c>wasabi1</c>: Wasabi 1.0/1.1 (ZeroLink): ≥ 10 equal outputs near the 0.1 BTC base
/// denomination (0.08–0.12 BTC; 1.1 adjusts it per round) and at least as many inputs.</item>
/// <item><c>joinmarket</c>: 3–15 equal outputs, at least as many inputs, and at most one other
/// output per equal one (maker/taker change).</item>
/// <item><c>generic_equal_output</c>: any ≥ 3 equal outputs funded by ≥ 3 inputs.</item>
/// </list>
/// </summary>
public static class CoinJoinDetector
{
    private static readonly long[] WhirlpoolPools = [100_000, 1_000_000, 5_000_000, 50_000_000];

    /// <summary>Largest output count the prefilter scans pairwise; above it (rare) the full rules decide.</summary>
    private const int PrefilterMaxOutputs = 32;

    public static HeuristicVerdict? Detect(BitcoinIndex index, uint tx)
    {
        ArgumentNullException.ThrowIfNull(index);
        return MayBeCoinJoin(index, tx) ? DetectUnfiltered(index, tx) : null;
    }

    /// <summary>
    /// A cheap test that can only reject: false means <see cref="Detect(int, ReadOnlySpan{long})"/>
    /// returns null for this transaction. Every rule needs ≥ 3 inputs and ≥ 3 outputs; every rule but
    /// <c>wasabi2</c> needs one output value at least 3 times (whirlpool 5, the others ≥ 3 equal
    /// outputs), and <c>wasabi2</c> needs ≥ 50 inputs and ≥ 50 outputs. The common payment
    /// (2 outputs, or distinct values) is rejected without copying or sorting anything.
    /// </summary>
    public static bool MayBeCoinJoin(int inputCount, ReadOnlySpan<long> outputValues)
    {
        var outputs = outputValues.Length;
        if (outputs < 3 || inputCount < 3) return false;
        if ((inputCount >= 50 && outputs >= 50) || outputs > PrefilterMaxOutputs) return true;
        for (var i = 0; i < outputs - 2; i++)
        {
            var value = outputValues[i];
            var seen = 1;
            for (var j = i + 1; j < outputs; j++)
                if (outputValues[j] == value && ++seen == 3) return true;
        }
        return false;
    }

    /// <summary>As <see cref="MayBeCoinJoin(int, ReadOnlySpan{long})"/>, reading the output values straight from the index columns.</summary>
    public static bool MayBeCoinJoin(BitcoinIndex index, uint tx)
    {
        if (!HasThreeInputsAndOutputs(index, tx, out var inputs, out var firstOutput, out var endOutput)) return false;
        var outputs = (int)(endOutput - firstOutput);
        if ((inputs >= 50 && outputs >= 50) || outputs > PrefilterMaxOutputs) return true;
        for (var i = firstOutput; i < endOutput - 2; i++)
        {
            var value = index.Value(i);
            var seen = 1;
            for (var j = i + 1; j < endOutput; j++)
                if (index.Value(j) == value && ++seen == 3) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <see cref="Detect(BitcoinIndex, uint)"/> names a CoinJoin, without building its verdict
    /// (the clustering pass asks this of every multi-input transaction and needs no rule or detail text).
    /// </summary>
    public static bool IsCoinJoin(BitcoinIndex index, uint tx)
    {
        if (!HasThreeInputsAndOutputs(index, tx, out var inputs, out var firstOutput, out var endOutput)) return false;
        var outputs = (int)(endOutput - firstOutput);
        var values = outputs <= 256 ? stackalloc long[outputs] : new long[outputs];
        for (var i = 0; i < outputs; i++) values[i] = index.Value(firstOutput + (uint)i);
        return IsCoinJoin(inputs, values);
    }

    /// <summary>
    /// Every rule needs at least three inputs and three outputs; reads the counts (outputs first: most
    /// transactions have one or two, so the inputs' column is rarely touched).
    /// </summary>
    private static bool HasThreeInputsAndOutputs(BitcoinIndex index, uint tx, out int inputs, out uint firstOutput, out uint endOutput)
    {
        ArgumentNullException.ThrowIfNull(index);
        (firstOutput, endOutput) = index.OutputsOf(tx);
        inputs = 0;
        if (endOutput - firstOutput < 3) return false;
        var (firstInput, endInput) = index.InputsOf(tx);
        inputs = (int)(endInput - firstInput);
        return inputs >= 3;
    }

    /// <summary>As <see cref="IsCoinJoin(BitcoinIndex, uint)"/> for a transaction with <paramref name="inputCount"/> inputs and these output values.</summary>
    public static bool IsCoinJoin(int inputCount, ReadOnlySpan<long> outputValues)
    {
        var outputs = outputValues.Length;
        if (outputs < 3 || inputCount < 3) return false;
        if ((inputCount >= 50 && outputs >= 50) || outputs > PrefilterMaxOutputs) return IsLargeCoinJoin(inputCount, outputValues);
        // Below wasabi2's size every rule needs the most common output value at least 3 times and no
        // fewer inputs than its count (whirlpool's 5 of 5 included): that test alone is the verdict.
        var most = 1;
        for (var i = 0; i < outputs - most; i++)
        {
            var value = outputValues[i];
            var seen = 1;
            for (var j = i + 1; j < outputs; j++)
                if (outputValues[j] == value) seen++;
            most = Math.Max(most, seen);
        }
        return most >= 3 && inputCount >= most;
    }

    /// <summary>
    /// <see cref="IsCoinJoin(int, ReadOnlySpan{long})"/> for many outputs: <c>wasabi2</c> when enough outputs are on its
    /// denominations (no sort needed), else, as for every other rule, the most common value's count.
    /// </summary>
    private static bool IsLargeCoinJoin(int inputCount, ReadOnlySpan<long> outputValues)
    {
        var outputs = outputValues.Length;
        if (inputCount >= 50 && outputs >= 50)
        {
            var standard = 0;
            foreach (var value in outputValues) if (IsWasabi2Denomination(value)) standard++;
            if (standard * 2 >= outputs) return true;
        }
        var equal = MostEqual(outputValues);
        return equal >= 3 && inputCount >= equal;
    }

    /// <summary>
    /// How many times the most common value occurs (what <see cref="MostCommon"/> counts after a sort), counted in
    /// an open-addressing table at most half full: the clustering pass asks this of every large CoinJoin, and
    /// sorting their outputs was a third of its CoinJoin checks (issue 19, session 12).
    /// </summary>
    private static int MostEqual(ReadOnlySpan<long> values)
    {
        var bits = BitOperations.Log2((uint)values.Length) + 2; // 2^bits ≥ 2 × values
        var size = 1 << bits;
        var mask = size - 1;
        Span<long> keys = size <= 512 ? stackalloc long[size] : new long[size];
        Span<int> counts = size <= 512 ? stackalloc int[size] : new int[size];
        counts.Clear();
        var most = 0;
        foreach (var value in values)
        {
            // Fibonacci hashing: the top bits of value × 2^64/φ.
            var at = (int)(((ulong)value * 0x9E3779B97F4A7C15UL) >> (64 - bits));
            while (counts[at] != 0 && keys[at] != value) at = (at + 1) & mask;
            keys[at] = value;
            most = Math.Max(most, ++counts[at]);
        }
        return most;
    }

    /// <summary>The full rules without the prefilter (kept to prove the prefilter never changes a verdict).</summary>
    internal static HeuristicVerdict? DetectUnfiltered(BitcoinIndex index, uint tx)
    {
        if (!HasThreeInputsAndOutputs(index, tx, out var inputs, out var firstOutput, out var endOutput)) return null;
        var outputs = (int)(endOutput - firstOutput);
        var values = outputs <= 256 ? stackalloc long[outputs] : new long[outputs];
        for (var i = 0; i < outputs; i++) values[i] = index.Value(firstOutput + (uint)i);
        return Detect(inputs, values);
    }

    /// <summary>The rule for a transaction with <paramref name="inputCount"/> inputs and these output values.</summary>
    public static HeuristicVerdict? Detect(int inputCount, ReadOnlySpan<long> outputValues)
    {
        var outputs = outputValues.Length;
        if (outputs < 3 || inputCount < 3) return null;
        var sorted = outputs <= 256 ? stackalloc long[outputs] : new long[outputs];
        outputValues.CopyTo(sorted);
        sorted.Sort();
        var (denomination, equal) = MostCommon(sorted);

        if (inputCount == 5 && outputs == 5 && equal == 5 && Array.IndexOf(WhirlpoolPools, denomination) >= 0)
            return new("whirlpool", 0.95, $"5 inputs, 5 outputs of {denomination} sat (a Whirlpool pool)");
        if (inputCount >= 50 && outputs >= 50)
        {
            var standard = 0;
            foreach (var value in outputValues) if (IsWasabi2Denomination(value)) standard++;
            if (standard * 2 >= outputs)
                return new("wasabi2", 0.85, $"{inputCount} inputs, {standard} of {outputs} outputs on WabiSabi standard denominations");
        }
        if (equal < 3 || inputCount < equal) return null;
        if (equal >= 10 && denomination is >= 8_000_000 and <= 12_000_000)
            return new("wasabi1", 0.9, $"{equal} equal outputs of {denomination} sat near the 0.1 BTC ZeroLink denomination");
        if (equal <= 15 && outputs <= 2 * equal + 1)
            return new("joinmarket", 0.7, $"{equal} equal outputs of {denomination} sat and {outputs - equal} change outputs");
        return new("generic_equal_output", 0.6, $"{equal} equal outputs of {denomination} sat from {inputCount} inputs");
    }

    private static (long Value, int Count) MostCommon(ReadOnlySpan<long> sorted)
    {
        long best = 0;
        int bestCount = 0, run = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestCount || (run == bestCount && sorted[i] > best)) (best, bestCount) = (sorted[i], run);
        }
        return (best, bestCount);
    }

    /// <summary>Wasabi 2's standard denominations (WalletWasabi BlockchainAnalyzer / DenominationBuilder), from 5,000 sat up.</summary>
    private static bool IsWasabi2Denomination(long value)
    {
        if (value < 5_000) return false;
        if ((value & (value - 1)) == 0) return true;
        var v = value;
        if (v % 2 == 0) v /= 2;
        while (v % 3 == 0) v /= 3;
        if (v == 1) return true;
        var d = value;
        while (d % 10 == 0) d /= 10;
        return d is 1 or 2 or 5;
    }
}
