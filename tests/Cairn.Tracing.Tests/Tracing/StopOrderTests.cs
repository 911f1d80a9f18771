using Cairn.Chains.Bitcoin;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Tracing;

/// <summary>
/// <see cref="StopOrder"/> sorts positions instead of the stops (issue 19, session 12): it must give the very
/// permutation that sorting the stops themselves with the earlier comparison gave, ties included.
/// </summary>
public sealed class StopOrderTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(17, 2)]
    [InlineData(60, 3)]
    [InlineData(500, 4)]
    [InlineData(3_000, 5)]
    public void Sort_GivesThePermutationOfSortingTheStopsThemselves_TiesIncluded(int count, int seed)
    {
        var random = new Random(seed);
        // Few amounts, outputs and transactions, so that ties on the amount, stops of the same output (with
        // different reasons: equal to the comparison, told apart in the result) and outputs of one
        // transaction are common; two transactions share a txid as BIP 30's duplicate coinbases do.
        var txids = Enumerable.Range(0, 8).Select(_ => RandomHash(random)).ToArray();
        txids[7] = txids[6];
        var outputs = Enumerable.Range(0, 40).Select(_ => (Transaction: (uint)random.Next(txids.Length), Vout: (uint)random.Next(0, 25) * (random.Next(3) == 0 ? 10u : 1u))).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var stops = Enumerable.Range(0, count)
                .Select(_ => new TraceStop(random.Next(outputs.Length), random.Next(1, 6) * 1_000L, (StopReason)random.Next(0, 5)))
                .ToArray();
            var expected = (TraceStop[])stops.Clone();
            expected.AsSpan().Sort((a, b) => EarlierComparison(a, b, outputs, txids));
            var (located, hashed) = (0, 0);
            StopOrder.Sort(stops, number =>
            {
                located++;
                return outputs[number];
            }, tx =>
            {
                hashed++;
                return txids[tx];
            });
            Assert.Equal(expected, stops);
            Assert.True(located <= count && hashed <= count, "each stop's transaction, vout and txid are looked up at most once");
        }
    }

    /// <summary>The comparison the trace sorted its stops with before (TraceRun.CompareStops, up to session 11).</summary>
    private static int EarlierComparison(TraceStop a, TraceStop b, (uint Transaction, uint Vout)[] outputs, Hash256[] txids)
    {
        if (a.AmountSat != b.AmountSat) return b.AmountSat.CompareTo(a.AmountSat);
        if (a.Output == b.Output) return 0;
        var (x, y) = (outputs[a.Output], outputs[b.Output]);
        if (x.Transaction != y.Transaction && txids[x.Transaction].CompareTo(txids[y.Transaction]) is var byHash && byHash != 0) return byHash;
        return TraceRun.CompareAsText(x.Vout, y.Vout);
    }

    private static Hash256 RandomHash(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Hash256.FromWire(bytes);
    }
}
