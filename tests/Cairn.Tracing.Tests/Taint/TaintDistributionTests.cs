using Cairn.Tracing.Taint;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Tracing.Tests.Taint;

/// <summary>
/// The worked examples of docs/tracing.md: inputs 5,000 (fully tainted) and 3,000 (clean);
/// outputs 4,000 and 3,000; fee 1,000. Destinations are [output 0, output 1, fee].
/// </summary>
public sealed class TaintDistributionTests
{
    private static readonly long[] SourceValues = [5_000, 3_000];
    private static readonly long[] SourceTaint = [5_000, 0];
    private static readonly long[] DestinationValues = [4_000, 3_000, 1_000];

    private static long[] Forward(TaintModel model)
    {
        var taint = new long[DestinationValues.Length];
        TaintDistribution.Distribute(model, SourceValues, SourceTaint, DestinationValues, taint, lastIsFee: true);
        return taint;
    }

    [Fact]
    public void Poison_TaintsEveryDestinationInFull_WhenAnySourceIsTainted() =>
        Assert.Equal([4_000, 3_000, 1_000], Forward(TaintModel.Poison));

    [Fact]
    public void Haircut_SplitsTaintProRata_ByDestinationValue() =>
        Assert.Equal([2_500, 1_875, 625], Forward(TaintModel.Haircut));

    [Fact]
    public void Haircut_GivesLeftoverSatoshiToLargestRemainders_TiesToLowerIndex()
    {
        var taint = new long[3];
        TaintDistribution.Distribute(TaintModel.Haircut, [10, 20], [10, 0], [14, 14, 2], taint, lastIsFee: true);
        Assert.Equal([5, 5, 0], taint);
    }

    [Fact]
    public void Fifo_PaysFirstOutputFromFirstInput() =>
        Assert.Equal([4_000, 1_000, 0], Forward(TaintModel.Fifo));

    [Fact]
    public void Lifo_PaysFirstOutputFromLastInput() =>
        Assert.Equal([1_000, 3_000, 1_000], Forward(TaintModel.Lifo));

    [Fact]
    public void Tiho_FillsHighestOutputFirst_AndTheFeeLast() =>
        Assert.Equal([4_000, 1_000, 0], Forward(TaintModel.Tiho));

    [Fact]
    public void Tiho_PrefersLargerOutput_EvenWhenItComesSecond()
    {
        var taint = new long[3];
        TaintDistribution.Distribute(TaintModel.Tiho, [5_000, 3_000], [2_000, 0], [3_000, 4_000, 1_000], taint, lastIsFee: true);
        Assert.Equal([0, 2_000, 0], taint);
    }

    [Theory]
    [InlineData(TaintModel.Haircut)]
    [InlineData(TaintModel.Fifo)]
    [InlineData(TaintModel.Lifo)]
    [InlineData(TaintModel.Tiho)]
    public void ConservingModels_PassOnExactlyTheTaintTheyReceive_AndNoMoreThanEachValue(TaintModel model)
    {
        var property = Prop.ForAll((int[] inputs, int[] outputs, int taintSeed) =>
        {
            var sourceValues = inputs.Take(12).Select(v => (long)(Math.Abs((long)v) % 2_100_000_000_000_000L) + 1).ToArray();
            if (sourceValues.Length == 0) return true;
            var random = new Random(taintSeed);
            var sourceTaint = sourceValues.Select(v => random.Next(3) == 0 ? 0 : random.NextInt64(0, v + 1)).ToArray();
            var total = sourceValues.Sum();
            var destinationValues = SplitInto(total, Math.Max(1, outputs.Length % 10 + 1), random);
            var taint = new long[destinationValues.Length];
            TaintDistribution.Distribute(model, sourceValues, sourceTaint, destinationValues, taint, lastIsFee: true);
            return taint.Sum() == sourceTaint.Sum() && taint.Zip(destinationValues).All(p => p.First >= 0 && p.First <= p.Second);
        });
        Check.QuickThrowOnFailure(property);
    }

    private static long[] SplitInto(long total, int parts, Random random)
    {
        var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.NextInt64(0, total + 1)).Order().ToArray();
        var values = new long[parts];
        long previous = 0;
        for (var i = 0; i < cuts.Length; i++)
        {
            values[i] = cuts[i] - previous;
            previous = cuts[i];
        }
        values[^1] = total - previous;
        return values;
    }
}
