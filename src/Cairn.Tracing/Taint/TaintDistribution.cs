using System.Runtime.CompilerServices;

namespace Cairn.Tracing.Taint;

/// <summary>
/// The taint models as pure functions. A transaction is seen as <em>sources</em> (values that
/// fund it) and <em>destinations</em> (values it funds), with equal totals. Forward tracing: sources
/// are the inputs in order, destinations the outputs in order followed by the fee. Backward
/// tracing: sources are the outputs in order followed by the fee (never tainted), destinations
/// the inputs in order. Amounts are satoshi; every rule is exact integer arithmetic.
/// </summary>
public static class TaintDistribution
{
    /// <summary>
    /// Writes into <paramref name="destinationTaint"/> the taint each destination receives.
    /// <paramref name="lastIsFee"/> tells TIHO that the last destination is the fee (served last).
    /// </summary>
    // Compiled optimised on first call: a trace calls it per transaction, and under tiered compilation it ran
    // unoptimised through a fresh process's first hundred-odd traces (issue 19, session 12).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Distribute(TaintModel model, ReadOnlySpan<long> sourceValues, ReadOnlySpan<long> sourceTaint,
        ReadOnlySpan<long> destinationValues, Span<long> destinationTaint, bool lastIsFee)
    {
        if (sourceValues.Length != sourceTaint.Length || destinationValues.Length != destinationTaint.Length)
            throw new ArgumentException("values and taint spans must have the same length");
        destinationTaint.Clear();
        switch (model)
        {
            case TaintModel.Poison: Poison(sourceTaint, destinationValues, destinationTaint); break;
            case TaintModel.Haircut: Haircut(sourceValues, sourceTaint, destinationValues, destinationTaint); break;
            case TaintModel.Fifo: Fifo(sourceValues, sourceTaint, destinationValues, destinationTaint, reverseSources: false); break;
            case TaintModel.Lifo: Fifo(sourceValues, sourceTaint, destinationValues, destinationTaint, reverseSources: true); break;
            case TaintModel.Tiho: Tiho(sourceTaint, destinationValues, destinationTaint, lastIsFee); break;
            default: throw new ArgumentOutOfRangeException(nameof(model), model, "unknown taint model");
        }
    }

    /// <summary>Poison: if any source carries taint, every destination is tainted for its whole value.</summary>
    private static void Poison(ReadOnlySpan<long> sourceTaint, ReadOnlySpan<long> destinationValues, Span<long> destinationTaint)
    {
        if (Sum(sourceTaint) == 0) return;
        destinationValues.CopyTo(destinationTaint);
    }

    /// <summary>
    /// Haircut: with T the total taint and V the total source value, destination j of value w_j
    /// gets floor(T·w_j / V). The R satoshi this leaves (R &lt; number of destinations) go one each
    /// to the destinations with the largest remainders (T·w_j mod V), ties to the lower index
    /// (Hamilton's largest-remainder method), so the shares add up to T exactly. Products use
    /// 128-bit integers (T·w_j can exceed 2^63).
    /// </summary>
    private static void Haircut(ReadOnlySpan<long> sourceValues, ReadOnlySpan<long> sourceTaint,
        ReadOnlySpan<long> destinationValues, Span<long> destinationTaint)
    {
        var total = Sum(sourceTaint);
        var value = Sum(sourceValues);
        if (total == 0 || value == 0) return;
        var count = destinationValues.Length;
        Span<Int128> remainders = count <= 64 ? stackalloc Int128[count] : new Int128[count];
        long given = 0;
        for (var j = 0; j < count; j++)
        {
            // Amounts are non-negative: when T·w_j fits in 63 bits (nearly always: both are at most the
            // source value), 64-bit division gives the same quotient and remainder as 128-bit, cheaper.
            var high = Math.BigMul(total, destinationValues[j], out long low);
            if (high == 0 && low >= 0)
            {
                var quotient = Math.DivRem(low, value, out var remainder);
                destinationTaint[j] = quotient;
                remainders[j] = remainder;
            }
            else
            {
                var product = (Int128)total * destinationValues[j];
                destinationTaint[j] = (long)(product / value);
                remainders[j] = product % value;
            }
            given += destinationTaint[j];
        }
        for (var left = total - given; left > 0; left--)
        {
            var best = -1;
            for (var j = 0; j < count; j++)
                if (remainders[j] > 0 && (best < 0 || remainders[j] > remainders[best])) best = j;
            if (best < 0) break;
            destinationTaint[best]++;
            remainders[best] = 0;
        }
    }

    /// <summary>
    /// FIFO: lay the sources end to end in order (LIFO: in reverse order); within each source its
    /// tainted satoshi come first. Lay the destinations end to end in order. A destination's taint
    /// is the overlap of its interval with the tainted intervals.
    /// </summary>
    private static void Fifo(ReadOnlySpan<long> sourceValues, ReadOnlySpan<long> sourceTaint,
        ReadOnlySpan<long> destinationValues, Span<long> destinationTaint, bool reverseSources)
    {
        long sourceStart = 0;
        var j = 0;
        long destinationStart = 0;
        for (var k = 0; k < sourceValues.Length; k++)
        {
            var i = reverseSources ? sourceValues.Length - 1 - k : k;
            var taintEnd = sourceStart + sourceTaint[i];
            // Walk the destinations overlapping [sourceStart, taintEnd).
            while (j < destinationValues.Length && destinationStart + destinationValues[j] <= sourceStart)
            {
                destinationStart += destinationValues[j];
                j++;
            }
            var walk = j;
            var walkStart = destinationStart;
            while (walk < destinationValues.Length && walkStart < taintEnd)
            {
                var overlap = Math.Min(taintEnd, walkStart + destinationValues[walk]) - Math.Max(sourceStart, walkStart);
                if (overlap > 0) destinationTaint[walk] += overlap;
                walkStart += destinationValues[walk];
                walk++;
            }
            sourceStart += sourceValues[i];
        }
    }

    /// <summary>
    /// TIHO: the total taint fills destinations in descending order of value (ties: lower index
    /// first), each up to its value; when the last destination is the fee, it is filled last.
    /// </summary>
    private static void Tiho(ReadOnlySpan<long> sourceTaint, ReadOnlySpan<long> destinationValues, Span<long> destinationTaint, bool lastIsFee)
    {
        var left = Sum(sourceTaint);
        var ranked = lastIsFee ? destinationValues.Length - 1 : destinationValues.Length;
        var order = new int[ranked];
        for (var j = 0; j < ranked; j++) order[j] = j;
        var values = destinationValues[..ranked].ToArray();
        Array.Sort(order, (a, b) => values[a] != values[b] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        foreach (var j in order)
        {
            var take = Math.Min(left, destinationValues[j]);
            destinationTaint[j] = take;
            left -= take;
        }
        if (lastIsFee && left > 0) destinationTaint[^1] = Math.Min(left, destinationValues[^1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per transaction: see Distribute
    private static long Sum(ReadOnlySpan<long> values)
    {
        long total = 0;
        foreach (var value in values) total += value;
        return total;
    }
}
