using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// Output values are stored in 5 bytes, with the values that do not fit (2^40 − 1 satoshi and above, or negative) in
/// out_value_large.col (docs/chain-index.md, format 3): every value must read back exactly, through a rollback too.
/// </summary>
public sealed class OutputValueStorageTests : IDisposable
{
    private static readonly long[] Values =
    [
        50_0000_0000, (1L << 40) - 2, (1L << 40) - 1, 1L << 40, 0, 21_000_000_0000_0000, long.MaxValue, -1, 1, 1_000_000_000_0000_0000,
    ];

    /// <summary>2^40 − 1: the stored form of a value kept in out_value_large.col.</summary>
    private const long StoredValueMarker = (1L << 40) - 1;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>One coinbase-only block per value, each paying it to its own taproot key.</summary>
    private static List<ScannedBlock> Chain(IReadOnlyList<long> values) =>
        CoinbaseChain.Build(values, height => [0x51, 0x20, .. Enumerable.Repeat((byte)(height + 1), 32)]);

    private string Build(string name, IEnumerable<ScannedBlock> blocks) => CoinbaseChain.Index(Path.Combine(_temp.Path, name), blocks);

    [Fact]
    public void EveryValue_ReadsBackExactly_WhetherItFitsInFiveBytesOrNot()
    {
        var directory = Build("index", Chain(Values));
        using var index = BitcoinIndex.OpenRead(directory);
        Assert.Equal(Values.Length, index.OutputCount);
        for (uint output = 0; output < Values.Length; output++)
        {
            Assert.Equal(Values[output], index.Value(output));
            Assert.Equal(Values[output], index.OutputTotal(output));
        }
        var copied = new long[Values.Length - 1];
        index.CopyValues(1, copied);
        Assert.Equal(Values[1..], copied);
        // Five bytes a value, and one 12-byte row for each of the six values that do not fit.
        Assert.Equal(Values.Length * 5, new FileInfo(Path.Combine(directory, "out_value.col")).Length);
        Assert.Equal(6 * 12, new FileInfo(Path.Combine(directory, "out_value_large.col")).Length);
    }

    [Fact]
    public void CopyValues_EqualsReadingEachValue_ForEveryWindowAcrossBlocksBoundaryValuesAndTheColumnEnd()
    {
        // 601 outputs: more than two of CopyValues' 256-value blocks and an odd tail; values at and around the 5-byte
        // marker, large ones in the first, a middle and the last block (the last output too, so the final value is
        // decoded from its last 5 bytes without an 8-byte load past the column end), the rest ordinary.
        var values = new long[601];
        var random = new Random(11);
        for (var i = 0; i < values.Length; i++) values[i] = random.NextInt64(0, StoredValueMarker);
        long[] special = [(1L << 40) - 2, (1L << 40) - 1, 1L << 40, -1, long.MaxValue, 0, 21_000_000_0000_0000];
        int[] at = [0, 3, 255, 256, 300, 511, 598, 599, 600];
        for (var k = 0; k < at.Length; k++) values[at[k]] = special[k % special.Length];
        var directory = Build("index", Chain(values));
        using var index = BitcoinIndex.OpenRead(directory);
        var byValue = Enumerable.Range(0, values.Length).Select(o => index.Value((uint)o)).ToArray();
        Assert.Equal(values, byValue);

        var copied = new long[values.Length];
        index.CopyValues(0, copied);
        Assert.Equal(byValue, copied);
        foreach (var first in new[] { 0, 1, 2, 3, 4, 250, 255, 256, 257, 590, 595, 596, 597, 598, 599, 600, 601 })
        {
            for (var length = 0; first + length <= values.Length && length <= 270; length++)
            {
                var window = new long[length];
                index.CopyValues((uint)first, window);
                Assert.True(byValue.AsSpan(first, length).SequenceEqual(window), $"outputs [{first}, {first + length})");
            }
        }
    }

    [Fact]
    public void RollbackTo_DropsTheLargeValuesOfTheRemovedBlocks_AndEndsIdenticalToAFreshBuild()
    {
        var blocks = Chain(Values);
        var directory = Build("index", blocks);
        using (var writer = BitcoinIndexWriter.Open(directory, Network.RegTest))
        {
            writer.RollbackTo(4);
            writer.Commit();
        }
        Assert.Equal(IndexFiles.Fingerprint(Build("fresh", blocks.Take(4))), IndexFiles.Fingerprint(directory));
        using var index = BitcoinIndex.OpenRead(directory);
        Assert.Equal(Values[3], index.Value(3));
    }
}
