using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Index.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>Scanned blocks holding one coinbase each, for tests that need chosen output values and scripts.</summary>
public static class CoinbaseChain
{
    /// <summary>Block h pays <paramref name="values"/>[h] to <paramref name="scriptOf"/>(h).</summary>
    public static List<ScannedBlock> Build(IReadOnlyList<long> values, Func<int, byte[]> scriptOf)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(scriptOf);
        var builder = new RawTransactionBuilder(new DeterministicRandom(5));
        var scanner = new BlockScanner(Network.RegTest);
        var previous = Network.RegTest.GenesisHash;
        var blocks = new List<ScannedBlock>();
        for (var height = 0; height < values.Count; height++)
        {
            var coinbase = builder.BuildCoinbase(height, values[height], scriptOf(height));
            var raw = RawTransactionBuilder.AssembleBlock(previous, 1_700_000_000 + (uint)height * 600, 1, [coinbase]);
            var scanned = new ScannedBlock();
            scanner.Scan(raw, scanned, $"block {height}");
            previous = scanned.Hash;
            blocks.Add(scanned);
        }
        return blocks;
    }

    /// <summary>Appends <paramref name="blocks"/> from height 0 into a new index in <paramref name="directory"/> and closes it.</summary>
    public static string Index(string directory, IEnumerable<ScannedBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        using var writer = BitcoinIndexWriter.Open(directory, Network.RegTest);
        var height = 0;
        foreach (var block in blocks) writer.Append(block, height++);
        return directory;
    }
}
