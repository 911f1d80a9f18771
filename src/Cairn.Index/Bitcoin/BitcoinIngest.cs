using System.Diagnostics;
using Cairn.Chains.Bitcoin;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Feeds blocks of the best chain into the index: scans them in parallel (txids, scripts,
/// addresses), appends them in height order, checkpoints every <see cref="CommitEveryBytes"/> and commits at the end.
/// Before appending it compares the index with the source's chain and rolls back blocks that
/// left the best chain (a reorganisation), so running it again is always safe: it resumes.
/// </summary>
public sealed class BitcoinIngest
{
    private const int BatchSize = 64;

    private readonly BitcoinIndexWriter _writer;

    public BitcoinIngest(BitcoinIndexWriter writer) => _writer = writer;

    /// <summary>Bytes of block data between checkpoints (a crash loses at most this much work); the run commits once at its end.</summary>
    public long CommitEveryBytes { get; init; } = 64L << 20;

    public IProgress<IngestProgress>? Progress { get; init; }

    /// <summary>Ingests the best chain found in a Bitcoin Core blocks/ directory.</summary>
    public IngestReport FromBlockFiles(string blocksDirectory, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var network = _writer.Index.Network;
        var reader = new BlockFileReader(blocksDirectory, network);
        var chain = new BestChain(network.GenesisHash);
        foreach (var record in reader.ReadHeaders())
            chain.Add(record.Header, record.Location);
        var best = chain.Select();
        var start = RollbackDivergent(height => height < best.Count ? best[(int)height].Hash : null);
        var rolledBack = _lastRollback;
        var files = new BlockFileCache(reader);
        var report = Run(start, best.Count, height => files.Read(best[(int)height].Location), cancellationToken, betweenBatches: files.Recycle);
        return report with { BlocksRolledBack = rolledBack, Elapsed = stopwatch.Elapsed };
    }

    /// <summary>Ingests from a running Bitcoin Core over JSON-RPC up to its current tip.</summary>
    public async Task<IngestReport> FromRpcAsync(BitcoinCoreRpcClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stopwatch = Stopwatch.StartNew();
        var count = await client.GetBlockCountAsync(cancellationToken).ConfigureAwait(false) + 1;
        var hashes = new Dictionary<long, Hash256>();
        var index = _writer.Index;
        // Walk back from our tip until the node agrees: everything above is a stale branch.
        var height = Math.Min(index.BlockCount, count) - 1;
        while (height >= 0)
        {
            var remote = await client.GetBlockHashAsync(height, cancellationToken).ConfigureAwait(false);
            hashes[height] = remote;
            if (remote == index.BlockHashAt((uint)height)) break;
            height--;
        }
        var start = RollbackDivergent(h => h <= height ? index.BlockHashAt((uint)h) : hashes.GetValueOrDefault(h));
        var rolledBack = _lastRollback;
        var report = Run(start, count, h =>
        {
            var hash = client.GetBlockHashAsync(h, cancellationToken).GetAwaiter().GetResult();
            return client.GetBlockAsync(hash, cancellationToken).GetAwaiter().GetResult();
        }, cancellationToken, parallelFetch: 4);
        return report with { BlocksRolledBack = rolledBack, Elapsed = stopwatch.Elapsed };
    }

    private long _lastRollback;

    /// <summary>Rolls back index blocks whose hash differs from the source's; returns the first height to ingest.</summary>
    private long RollbackDivergent(Func<long, Hash256?> sourceHashAt)
    {
        var index = _writer.Index;
        long agree = 0;
        while (agree < index.BlockCount && sourceHashAt(agree) is { } hash && hash == index.BlockHashAt((uint)agree)) agree++;
        _lastRollback = index.BlockCount - agree;
        if (_lastRollback > 0)
        {
            _writer.RollbackTo(agree);
            _writer.Commit();
        }
        return agree;
    }

    /// <summary>
    /// Scans batches on all cores while the previous batch is appended. <paramref name="betweenBatches"/> runs when one
    /// batch's scan has ended and the next has not started, so no block bytes returned by <paramref name="read"/> are in use.
    /// </summary>
    private IngestReport Run(long start, long end, Func<long, ReadOnlyMemory<byte>> read, CancellationToken cancellationToken, int parallelFetch = 1, Action? betweenBatches = null)
    {
        var index = _writer.Index;
        var scanners = new ThreadLocal<BlockScanner>(() => new BlockScanner(index.Network));
        var current = new ScannedBlock[BatchSize];
        var next = new ScannedBlock[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            current[i] = new ScannedBlock();
            next[i] = new ScannedBlock();
        }
        long bytes = 0, sinceCommit = 0, transactions = 0, added = 0;

        Task<int> ScanBatch(long from, ScannedBlock[] into) => Task.Run(() =>
        {
            var count = (int)Math.Min(BatchSize, end - from);
            if (count <= 0) return 0;
            var raw = new ReadOnlyMemory<byte>[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(parallelFetch, Environment.ProcessorCount), CancellationToken = cancellationToken },
                i => raw[i] = read(from + i));
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken },
                i => scanners.Value!.Scan(raw[i].Span, into[i], $"block at height {from + i}"));
            return count;
        }, cancellationToken);

        var pending = ScanBatch(start, next);
        var firstTransaction = index.TransactionCount;
        var firstAddress = index.AddressCount;
        var waiting = new Stopwatch();
        var appending = new Stopwatch();
        var committing = new Stopwatch();
        var checkpointing = new Stopwatch();
        var (transactionSide, outputSide) = (_writer.TransactionSideTime, _writer.OutputSideTime);
        var (txIdGrowth, addressGrowth) = (_writer.TxIdTableGrowthTime, _writer.AddressTableGrowthTime);
        for (var height = start; height < end;)
        {
            waiting.Start();
            var count = pending.GetAwaiter().GetResult();
            waiting.Stop();
            betweenBatches?.Invoke();
            (current, next) = (next, current);
            pending = ScanBatch(height + count, next);
            appending.Start();
            cancellationToken.ThrowIfCancellationRequested();
            ReserveKeys(current, count, end - height - count, firstTransaction, firstAddress, added);
            _writer.AppendBlocks(current, count, height);
            for (var i = 0; i < count; i++)
            {
                bytes += current[i].SerializedSize;
                sinceCommit += current[i].SerializedSize;
                transactions += current[i].TransactionCount;
                added++;
            }
            height += count;
            appending.Stop();
            if (sinceCommit >= CommitEveryBytes)
            {
                committing.Start();
                checkpointing.Start();
                _writer.Checkpoint();
                checkpointing.Stop();
                committing.Stop();
                sinceCommit = 0;
            }
            Progress?.Report(new IngestProgress(height - 1, end - 1, transactions, bytes));
        }
        pending.GetAwaiter().GetResult();
        committing.Start();
        _writer.Commit();
        committing.Stop();
        scanners.Dispose();
        return new IngestReport
        {
            BlocksAdded = added,
            TransactionsAdded = transactions,
            BytesRead = bytes,
            Height = index.TipHeight,
            Tip = index.TipHash?.ToString(),
            Repaired = _writer.Repaired,
            WriterWaiting = waiting.Elapsed,
            WriterAppending = appending.Elapsed,
            WriterCommitting = committing.Elapsed,
            WriterCheckpointing = checkpointing.Elapsed,
            WriterTxIdTableGrowth = _writer.TxIdTableGrowthTime - txIdGrowth,
            WriterAddressTableGrowth = _writer.AddressTableGrowthTime - addressGrowth,
            WriterTransactionSide = _writer.TransactionSideTime - transactionSide,
            WriterOutputSide = _writer.OutputSideTime - outputSide,
            FinalCommitSteps = [.. _writer.LastCommitSteps],
        };
    }

    /// <summary>
    /// How much more than the rate seen so far the blocks left are reserved for. A chain's rate of new addresses per block
    /// grows as it goes (more users, more payees), so the plain rate fell a few per cent short on the 2 M-transaction
    /// bench chain: the address table was rehashed a second time, at 1.9 M of its 12 M keys (session 13,
    /// docs/benchmarks.md). One eighth is one capacity step or less, so a table that ends over-sized costs at most one
    /// canonical rebuild at the end.
    /// </summary>
    private const double ProjectionHeadroom = 1.125;

    /// <summary>
    /// Pre-sizes the hash tables, before a batch is appended, for the batch's own keys and the blocks left after it at
    /// the rate seen so far (with <see cref="ProjectionHeadroom"/>), so they are rehashed about once in a run instead of at every growth step. The batch is
    /// already scanned, so its transactions are known and its outputs bound its new addresses. The first batch reserves
    /// for itself only: its outputs would overstate the run's new addresses (some pay old ones), and a table never
    /// shrinks before the end.
    /// </summary>
    private void ReserveKeys(ScannedBlock[] batch, int count, long blocksAfter, long firstTransaction, long firstAddress, long appended)
    {
        long transactions = 0, outputs = 0;
        for (var i = 0; i < count; i++)
        {
            transactions += batch[i].TransactionCount;
            outputs += batch[i].OutputCount;
        }
        var index = _writer.Index;
        var (transactionRate, addressRate) = appended > 0
            ? ((double)(index.TransactionCount - firstTransaction) / appended, (double)(index.AddressCount - firstAddress) / appended)
            : (0.0, 0.0);
        _writer.ReserveKeys(
            index.TransactionCount + transactions + (long)(transactionRate * blocksAfter * ProjectionHeadroom),
            index.AddressCount + outputs + (long)(addressRate * blocksAfter * ProjectionHeadroom));
    }

    /// <summary>
    /// Keeps the last few de-obfuscated blk files in memory: best-chain order mostly walks a file forward. When a file is
    /// first needed the next one is read in the background, so reading the files (not cached: as slow as the disk)
    /// overlaps with scanning and appending instead of stalling a batch's scan once per file. The buffers of files that
    /// fall out are read into again (<see cref="Recycle"/>) rather than left to the collector: a new 128 MiB array is
    /// fresh memory, whose every page the kernel faults in and zeroes before the read fills it.
    /// </summary>
    private sealed class BlockFileCache(BlockFileReader reader)
    {
        private const int FilesKept = 4;
        private const int SpareBuffers = 2;
        private readonly Lock _gate = new();
        private readonly HashSet<int> _present = [.. reader.ListFileIndexes()];
        private readonly Dictionary<int, Task<LoadedFile>> _files = [];
        private readonly Queue<int> _order = new();
        private readonly List<Task<LoadedFile>> _evicted = [];
        private readonly Stack<byte[]> _spare = new();

        public ReadOnlyMemory<byte> Read(BlockLocation location)
        {
            Task<LoadedFile> file;
            lock (_gate)
            {
                file = Load(location.FileIndex);
                if (_present.Contains(location.FileIndex + 1)) Load(location.FileIndex + 1);
            }
            return file.GetAwaiter().GetResult().Blocks[location.Offset];
        }

        /// <summary>
        /// Makes the buffers of evicted files available for reading again. Call only while no block read through
        /// <see cref="Read"/> is in use any more (between two batches' scans): an evicted file's blocks may still be
        /// scanned by the batch that was running when it fell out.
        /// </summary>
        public void Recycle()
        {
            lock (_gate)
            {
                foreach (var file in _evicted)
                {
                    // A read still running (or failed) when its file fell out keeps its buffer; the collector takes it.
                    if (file.IsCompletedSuccessfully && _spare.Count < SpareBuffers) _spare.Push(file.Result.Buffer);
                }
                _evicted.Clear();
            }
        }

        private Task<LoadedFile> Load(int fileIndex)
        {
            if (_files.TryGetValue(fileIndex, out var file)) return file;
            var buffer = _spare.TryPop(out var spare) ? spare : null;
            file = Task.Run(() =>
            {
                var (data, records) = reader.ReadFileInto(fileIndex, buffer);
                return new LoadedFile(data, records.ToDictionary(r => r.Offset, r => r.RawBlock));
            });
            _files[fileIndex] = file;
            _order.Enqueue(fileIndex);
            if (_order.Count > FilesKept)
            {
                var oldest = _order.Dequeue();
                _evicted.Add(_files[oldest]);
                _files.Remove(oldest);
            }
            return file;
        }

        private sealed record LoadedFile(byte[] Buffer, Dictionary<long, ReadOnlyMemory<byte>> Blocks);
    }
}
