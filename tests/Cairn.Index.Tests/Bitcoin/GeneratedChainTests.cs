using System.Buffers.Binary;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>Ingest of generated chains: reorganisations, out-of-order and stale blocks, bad block files (the generator itself: Cairn.Development.Tests).</summary>
public sealed class GeneratedChainTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generate(string name, ulong seed, long txs = 3000, bool xor = false)
    {
        var directory = _temp.Sub(name);
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = txs, Seed = seed, OutputDirectory = directory, Xor = xor, TransactionsPerBlock = 50 });
        return directory;
    }

    private string Ingest(string blocks, string name)
    {
        var directory = Path.Combine(_temp.Path, name);
        using var writer = BitcoinIndexWriter.Open(directory, Network.RegTest);
        new BitcoinIngest(writer).FromBlockFiles(blocks);
        return directory;
    }

    [Fact]
    public void Ingest_OfBlocksStoredOutOfOrder_WithAStaleBlock_FollowsTheBestChain()
    {
        var blocks = Generate("chain", 8);
        var inOrder = Ingest(blocks, "in-order");
        var records = BlockRecordFiles.Read(blocks);
        var stale = (byte[])records[30].Clone();
        stale[76] ^= 0xff; // another nonce: same parent, different hash, a one-block stale branch
        var shuffled = _temp.Sub("shuffled");
        BlockRecordFiles.Write(shuffled, records.Skip(1).Reverse().Prepend(records[0]).Append(stale));
        Assert.Equal(IndexFiles.Fingerprint(inOrder), IndexFiles.Fingerprint(Ingest(shuffled, "shuffled-index")));
    }

    [Fact]
    public void Ingest_AfterAReorganisation_RollsBackAndEndsIdenticalToAFreshBuild()
    {
        var original = Generate("original", 21);
        var records = BlockRecordFiles.Read(original);
        // The competing branch forks 5 blocks below the tip and is one block longer.
        var forkHeight = records.Count - 5;
        var branch = BlockRecordFiles.Read(Generate("other", 22)).Count > 0 ? BuildBranch(records, forkHeight, 6) : [];
        var reorganised = _temp.Sub("reorganised");
        BlockRecordFiles.Write(reorganised, records.Concat(branch));

        var index = Ingest(original, "index");
        using (var writer = BitcoinIndexWriter.Open(index, Network.RegTest))
        {
            var report = new BitcoinIngest(writer).FromBlockFiles(reorganised);
            Assert.Equal(5, report.BlocksRolledBack);
            Assert.Equal(6, report.BlocksAdded);
        }
        Assert.Equal(IndexFiles.Fingerprint(Ingest(reorganised, "fresh")), IndexFiles.Fingerprint(index));
    }

    /// <summary>Blocks on top of records[forkHeight-1] holding only a coinbase each (valid: they spend nothing).</summary>
    private static List<byte[]> BuildBranch(List<byte[]> records, int forkHeight, int length)
    {
        var builder = new RawTransactionBuilder(new DeterministicRandom(99));
        var previous = DoubleSha256.Compute(records[forkHeight - 1].AsSpan(0, 80));
        var time = BinaryPrimitives.ReadUInt32LittleEndian(records[forkHeight - 1].AsSpan(68));
        var branch = new List<byte[]>();
        for (var i = 0; i < length; i++)
        {
            var coinbase = builder.BuildCoinbase(forkHeight + i, 50_0000_0000, [0x51, 0x20, .. Enumerable.Repeat((byte)(i + 1), 32)]);
            var block = RawTransactionBuilder.AssembleBlock(previous, time + (uint)(600 * (i + 1)), 7, [coinbase]);
            previous = DoubleSha256.Compute(block.AsSpan(0, 80));
            branch.Add(block);
        }
        return branch;
    }

    [Fact]
    public void Ingest_OfATruncatedBlockFile_FailsNamingTheFile_AndLeavesTheIndexAsItWas()
    {
        var blocks = Generate("chain", 3);
        var index = Ingest(blocks, "index");
        var before = IndexFiles.Fingerprint(index);
        var broken = _temp.Sub("broken");
        var bytes = File.ReadAllBytes(Path.Combine(blocks, "blk00000.dat"));
        File.WriteAllBytes(Path.Combine(broken, "blk00000.dat"), bytes[..(bytes.Length - 1000)]);
        using (var writer = BitcoinIndexWriter.Open(index, Network.RegTest))
        {
            var ex = Assert.Throws<CairnException>(() => new BitcoinIngest(writer).FromBlockFiles(broken));
            Assert.Contains("blk00000.dat", ex.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, IndexFiles.Fingerprint(index));
    }

    [Fact]
    public void Open_OfAnIndexForAnotherNetwork_IsRefused()
    {
        var index = Ingest(Generate("chain", 3), "index");
        var ex = Assert.Throws<CairnException>(() => BitcoinIndexWriter.Open(index, Network.Main));
        Assert.Contains("regtest", ex.Message, StringComparison.Ordinal);
    }
}
