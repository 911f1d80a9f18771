using System.Diagnostics;
using Cairn.Index.Columns;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Making appended blocks durable: checkpoints and commits (protocol in the class summary and docs/chain-index.md,
/// "Crash safety"), each step timed for the ingest report. The files are flushed one after another on the calling
/// thread. Flushing them at once (a thread per file) and checkpointing in the background while appending went on
/// were both tried in session 13 and measured slower on the 2-core bench machine, where the ingest already keeps
/// both cores busy: the sync's kernel work then competes with the appending instead of filling idle time
/// (docs/benchmarks.md).
/// </summary>
public sealed partial class BitcoinIndexWriter
{
    private readonly List<WriterStepTime> _steps = [];

    /// <summary>The steps of the last commit or checkpoint, each with its own time.</summary>
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
        if (!_dirty) return;
        _steps.Clear();
        RunInTurn(AppendOnlyFlushes());
        var manifest = CurrentManifest();
        Timed("manifest", () => manifest.Save(Index.Directory));
    }

    /// <summary>
    /// Flushes every column and writes both hash tables (rebuilt first at their canonical capacity when
    /// <see cref="ReserveKeys"/> left them over-sized, so a committed index is byte-identical however its ingest was
    /// split), then replaces the manifest and deletes the marker. Rebuilding before the flush rather than after it
    /// (as the ingest did until session 13) spares writing the over-sized table only to replace it.
    /// </summary>
    private void Commit(bool force)
    {
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
                table.Canonicalize();
                table.Flush();
            }));
        }
        RunInTurn(steps);
        var manifest = CurrentManifest();
        Timed("manifest", () => manifest.Save(index.Directory));
        File.Delete(Path.Combine(index.Directory, UncommittedMarker));
        _dirty = false;
        // The tables are canonical now: a reservation made before the commit and not yet applied is stale.
        (_reservedTransactions, _reservedAddresses) = (0, 0);
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

    private void RunInTurn(List<(string Step, Action Action)> steps)
    {
        foreach (var (step, action) in steps) Timed(step, action);
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
