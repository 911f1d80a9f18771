using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// A checkpoint flushes only the append-only columns and the manifest (docs/chain-index.md, "Crash safety"): whatever
/// became of the columns written at random places, a writer reopening after it rebuilds exactly the checkpointed index.
/// </summary>
public sealed class CheckpointTests : IDisposable
{
    private const int Checkpointed = 30;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reopen_AfterACheckpointWhoseRandomWriteColumnsNeverReachedTheDisk_RepairsToTheCheckpointedBlocks()
    {
        var blocks = _temp.Sub("chain");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 3000, Seed = 31, OutputDirectory = blocks, TransactionsPerBlock = 50 });
        var records = BlockRecordFiles.Read(blocks);
        Assert.True(records.Count > Checkpointed + 10, $"the generated chain has {records.Count} blocks");
        var reference = Ingest(BlockRecordFiles.Write(_temp.Sub("first"), records.Take(Checkpointed)), "reference");

        var index = Path.Combine(_temp.Path, "index");
        var scanner = new BlockScanner(Network.RegTest);
        var writer = BitcoinIndexWriter.Open(index, Network.RegTest);
        for (var height = 0; height < Checkpointed + 10; height++)
        {
            var scanned = new ScannedBlock();
            scanner.Scan(records[height], scanned, $"block {height}");
            writer.Append(scanned, height);
            if (height == Checkpointed - 1) writer.Checkpoint();
        }
        writer.Abandon();
        // A kill or power cut after the checkpoint: these files were not written since the last commit (a writer holds
        // them in memory), so they are shorter than the checkpointed rows and hold old values. Random bytes stand for
        // whatever the disk held; a repair that read any of them would not match the reference.
        var random = new Random(7);
        foreach (var name in new[] { "out_spender.col", "addr_last_output.col", "addr_output_count.col", "txid.hidx", "address.hidx" })
        {
            var path = Path.Combine(index, name);
            var length = new FileInfo(path).Length;
            var garbage = new byte[name.EndsWith(".col", StringComparison.Ordinal) ? length / 2 / sizeof(uint) * sizeof(uint) : length];
            random.NextBytes(garbage);
            File.WriteAllBytes(path, garbage);
        }

        using (var reopened = BitcoinIndexWriter.Open(index, Network.RegTest))
        {
            Assert.True(reopened.Repaired);
            Assert.Equal(Checkpointed - 1, reopened.Index.TipHeight);
        }
        Assert.Equal(IndexFiles.Fingerprint(reference), IndexFiles.Fingerprint(index));
    }

    [Fact]
    public void OpenRead_AfterACheckpoint_IsRefusedUntilTheCommit()
    {
        var blocks = _temp.Sub("chain");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 500, Seed = 32, OutputDirectory = blocks, TransactionsPerBlock = 50 });
        var record = new BlockFileReader(blocks, Network.RegTest).ReadAll().First().RawBlock.ToArray();
        var index = Path.Combine(_temp.Path, "index");
        using var writer = BitcoinIndexWriter.Open(index, Network.RegTest);
        var scanned = new ScannedBlock();
        new BlockScanner(Network.RegTest).Scan(record, scanned, "block 0");
        writer.Append(scanned, 0);
        writer.Checkpoint();
        var refused = Assert.Throws<Cairn.Core.CairnException>(() => BitcoinIndex.OpenRead(index));
        Assert.Contains("interrupted mid-write", refused.Message, StringComparison.Ordinal);
        writer.Commit();
        using var read = BitcoinIndex.OpenRead(index);
        Assert.Equal(0, read.TipHeight);
    }

    [Fact]
    public void Ingest_CheckpointingAfterEveryBatch_IsByteIdenticalToOneThatNeverCheckpoints()
    {
        var blocks = _temp.Sub("chain");
        // Enough blocks for several batches of 64, each followed by a checkpoint, while the hash tables grow.
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 20_000, Seed = 34, OutputDirectory = blocks, TransactionsPerBlock = 40 });
        var once = Ingest(blocks, "once", commitEveryBytes: long.MaxValue);
        var often = Ingest(blocks, "often", commitEveryBytes: 1);
        Assert.Equal(IndexFiles.Fingerprint(once), IndexFiles.Fingerprint(often));
    }

    private string Ingest(string blocks, string name, long commitEveryBytes = 64L << 20)
    {
        var directory = Path.Combine(_temp.Path, name);
        using var writer = BitcoinIndexWriter.Open(directory, Network.RegTest);
        new BitcoinIngest(writer) { CommitEveryBytes = commitEveryBytes }.FromBlockFiles(blocks);
        return directory;
    }
}
