using System.Diagnostics;
using Cairn.Index.Columns;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Making appended blocks durable: checkpoints and commits (protocol in the class summary and docs/chain-index.md,
/// "Crash safety"). Every column and hash table is its own file, so their flushes are independent and run at once,
/// one thread each: a flush mostly waits for the disk (msync and fsync), and the held-in-memory columns are copied
/// out while the mapped ones are synced. The order the protocol needs is kept around them: the marker exists before
/// any of them starts, and the manifest is replaced only once every one has finished.
/// </summary>
public sealed partial class BitcoinIndexWriter
{
    private readonly List<WriterStepTime> _steps = [];

    /// <summary>
    /// The steps of the last commit or checkpoint, each with its own time (they overlap: each ran on its own thread).
    /// Complete once the checkpoint has been waited for.
    /// </summary>
    public IReadOnlyList<WriterStepTime> LastCommitSteps => _steps;

    /// <summary>Makes everything appended so far durable and the new tip visible to readers.</summary>
    public void Commit() => Commit(force: false);

    /// <summary>
    /// Makes the blocks appended so far survive a crash without flushing the columns written at
    /// random places: the append-only columns and the manifest are flushed, the "uncommitted"
    /// marker stays, so readers still wait for <see cref="Commit()"/> and a writer that finds the
    /// marker recomputes the rest from them. A long ingest checkpoints every 64 MB and commits once.
    /// </summary>
    public void Checkpoint()
    {
        BeginCheckpoint();
        FinishCheckpoint();
    }

    /// <summary>The checkpoint <see cref="BeginCheckpoint"/> started, until something waits for it.</summary>
    private Task? _checkpoint;

    /// <summary>
    /// Starts a <see cref="Checkpoint"/> of the blocks appended so far on another thread and returns, so appending
    /// goes on while the columns are synced (waiting for the disk had taken a sixth of a 2 M-transaction ingest's wall
    /// clock). The manifest it writes holds the counts of this moment, and the rows under them are never written
    /// again, so the rows appended meanwhile (past those counts, cut off by a repair) cannot spoil it. A crash before
    /// it ends loses the blocks since the checkpoint before. Whatever comes next other than appending (another
    /// checkpoint, a commit, a rollback, closing) waits for it first and rethrows its failure.
    /// </summary>
    public void BeginCheckpoint()
    {
        FinishCheckpoint();
        if (!_dirty) return;
        var manifest = CurrentManifest();
        var flushes = AppendOnlyFlushes();
        _steps.Clear();
        _checkpoint = Task.Factory.StartNew(() =>
        {
            RunAtOnce(flushes);
            Timed("manifest", () => manifest.Save(Index.Directory));
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Waits for a checkpoint started by <see cref="BeginCheckpoint"/>, if any, and rethrows its failure.</summary>
    private void FinishCheckpoint()
    {
        if (_checkpoint is not { } running) return;
        _checkpoint = null;
        running.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Flushes every column and writes both hash tables (rebuilt first at their canonical capacity when
    /// <see cref="ReserveKeys"/> left them over-sized, so a committed index is byte-identical however its ingest was
    /// split), then replaces the manifest and deletes the marker. The rebuilt table needs no write of its own before
    /// its flush: the marker is still there, so a crash in between rebuilds it anyway.
    /// </summary>
    private void Commit(bool force)
    {
        FinishCheckpoint();
        if (!_dirty && !force) return;
        var index = Index;
        _steps.Clear();
        var steps = AppendOnlyFlushes();
        steps.Add(("out_spender.col", index.OutputSpender.Flush));
        steps.Add(("addr_last_output.col", index.AddressLastOutput.Flush));
        steps.Add(("addr_output_count.col", index.AddressOutputCount.Flush));
        foreach (var (name, table) in new[] { (BitcoinIndex.TxIdIndexFile, index.TxIdIndex), (BitcoinIndex.AddressIndexFile, index.AddressIndex) })
        {
            steps.Add((name, () =>
            {
                table.Canonicalize(durable: false);
                table.Flush();
            }));
        }
        RunAtOnce(steps);
        var manifest = CurrentManifest();
        Timed("manifest", () => manifest.Save(index.Directory));
        File.Delete(Path.Combine(index.Directory, UncommittedMarker));
        _dirty = false;
    }

    /// <summary>The flushes of the columns a repair keeps: rows are only ever appended to them.</summary>
    private List<(string Step, Action Flush)> AppendOnlyFlushes()
    {
        var index = Index;
        return
        [
            .. new IFlushableColumn[]
            {
                index.BlockHash, index.BlockTime, index.BlockFirstTx, index.BlockFirstAddress,
                index.TxHash, index.TxFirstInput, index.TxFirstOutput, index.TxLockTime,
                index.TxVirtualSize, index.TxFlagsColumn, index.InputSpentOutput, index.OutputValue, index.OutputLargeValues,
                index.OutputAddress, index.OutputTypeColumn, index.OutputPreviousSameAddress,
                index.AddressKeys, index.AddressKeyTails,
            }.Select(column => (Path.GetFileName(column.Path), (Action)column.Flush)),
        ];
    }

    /// <summary>
    /// Runs independent steps each on a thread of its own (not the pool's: they block in the kernel, and the pool
    /// would add threads for them only slowly) and returns when all have ended, with the first failure if any.
    /// </summary>
    private void RunAtOnce(List<(string Step, Action Action)> steps)
    {
        var times = new TimeSpan[steps.Count];
        var running = new Task[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = i;
            running[i] = Task.Factory.StartNew(() =>
            {
                var start = Stopwatch.GetTimestamp();
                steps[step].Action();
                times[step] = Stopwatch.GetElapsedTime(start);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        Task.WhenAll(running).GetAwaiter().GetResult();
        for (var i = 0; i < steps.Count; i++) _steps.Add(new WriterStepTime(steps[i].Step, times[i]));
    }

    private void Timed(string step, Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        _steps.Add(new WriterStepTime(step, Stopwatch.GetElapsedTime(start)));
    }

    private IndexManifest CurrentManifest()
    {
        var index = Index;
        return new IndexManifest
        {
            Network = index.Network.Name,
            Blocks = index.BlockCount,
            Transactions = index.TransactionCount,
            Inputs = index.InputCount,
            Outputs = index.OutputCount,
            Addresses = index.AddressCount,
            AddressTails = index.AddressKeyTails.Count,
            LargeValues = index.OutputLargeValues.Count,
            Tip = index.TipHash?.ToString(),
        };
    }
}
