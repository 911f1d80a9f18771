using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Columns;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Appends blocks to a <see cref="BitcoinIndex"/>, crash-safely. Protocol: before the first
/// change after a commit an "uncommitted" marker file is created; <see cref="Commit"/> flushes
/// every column, atomically replaces the manifest, then deletes the marker. A writer that
/// finds the marker (its predecessor was killed) repairs the index: columns are cut back to the
/// manifest's counts, spending links and per-address heads are recomputed from the
/// append-only columns, and the hash indexes are rebuilt, which leaves exactly the state of the
/// last commit or checkpoint. <see cref="Checkpoint"/> makes the append-only columns and the
/// manifest durable but keeps the marker: the columns written at random places (spenders,
/// address heads and counts, hash tables) are what a repair recomputes, so flushing them at every
/// checkpoint would only rewrite pages dirtied all over those files (docs/chain-index.md).
/// Only one writer may hold an index (an exclusive lock file).
/// </summary>
public sealed partial class BitcoinIndexWriter : IDisposable
{
    internal const string UncommittedMarker = "uncommitted";
    private const string LockFile = "writer.lock";

    private readonly FileStream _lock;
    private bool _dirty;

    private BitcoinIndexWriter(BitcoinIndex index, FileStream writerLock)
    {
        Index = index;
        _lock = writerLock;
    }

    public BitcoinIndex Index { get; }

    /// <summary>True when opening found an interrupted write and repaired it.</summary>
    public bool Repaired { get; private set; }

    /// <summary>Opens (creating if absent) the index in <paramref name="directory"/> for <paramref name="network"/>.</summary>
    public static BitcoinIndexWriter Open(string directory, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        System.IO.Directory.CreateDirectory(directory);
        FileStream writerLock;
        try
        {
            writerLock = new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new CairnException($"another process is writing the Bitcoin index in {directory}");
        }
        var manifest = IndexManifest.Load(directory) ?? new IndexManifest { Network = network.Name };
        if (manifest.Network != network.Name)
        {
            writerLock.Dispose();
            throw new CairnException($"the index in {directory} holds network '{manifest.Network}', not '{network.Name}'");
        }
        var interrupted = File.Exists(Path.Combine(directory, UncommittedMarker));
        if (interrupted) ExtendRecomputedColumns(directory, manifest);
        var index = new BitcoinIndex(directory, manifest, writable: true);
        var writer = new BitcoinIndexWriter(index, writerLock);
        if (interrupted || !File.Exists(Path.Combine(directory, BitcoinIndex.TxIdIndexFile)))
        {
            writer.Repair(manifest);
            writer.Repaired = interrupted;
        }
        else
        {
            index.OpenHashIndexes(manifest);
        }
        if (IndexManifest.Load(directory) is null) manifest.Save(directory);
        return writer;
    }

    /// <summary>
    /// After a checkpoint the columns a repair recomputes still hold the last commit on disk (a writer keeps them in
    /// memory), so they are shorter than the checkpointed rows: zero-extended here, then rebuilt by the repair.
    /// </summary>
    private static void ExtendRecomputedColumns(string directory, IndexManifest manifest)
    {
        foreach (var (name, bytes) in new[] { ("out_spender", manifest.Outputs * sizeof(uint)), ("addr_last_output", manifest.Addresses * sizeof(uint)), ("addr_output_count", manifest.Addresses) })
        {
            using var file = new FileStream(Path.Combine(directory, name + ".col"), FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (file.Length < bytes) file.SetLength(bytes);
        }
    }

    private void Repair(IndexManifest manifest)
    {
        var index = Index;
        // After a checkpoint the spenders were not flushed, so they are rebuilt from the inputs
        // (durable, append-only) rather than only cleared past the committed transactions.
        for (long o = 0; o < index.OutputCount; o++) index.OutputSpender.Set(o, 0);
        for (long t = 0; t < index.TransactionCount; t++)
        {
            var inputsEnd = t + 1 < index.TransactionCount ? index.TxFirstInput[t + 1] : index.InputCount;
            for (long i = index.TxFirstInput[t]; i < inputsEnd; i++)
                index.OutputSpender.Set(index.InputSpentOutput[i], (uint)t + 1);
        }
        for (long a = 0; a < index.AddressCount; a++)
        {
            index.AddressLastOutput.Set(a, 0);
            index.AddressOutputCount.Set(a, 0);
        }
        for (long o = 0; o < index.OutputCount; o++)
        {
            var address = index.OutputAddress[o];
            if (address == uint.MaxValue) continue;
            index.AddressLastOutput.Set(address, (uint)o + 1);
            var count = index.AddressOutputCount[address];
            if (count < BitcoinIndex.SaturatedOutputCount) index.AddressOutputCount.Set(address, (byte)(count + 1));
        }
        index.TxIdIndex?.Dispose();
        index.AddressIndex?.Dispose();
        index.TxIdIndex = HashIndex.Rebuild(Path.Combine(index.Directory, BitcoinIndex.TxIdIndexFile), index.TransactionCount, index.TxHashOf);
        index.AddressIndex = HashIndex.Rebuild(Path.Combine(index.Directory, BitcoinIndex.AddressIndexFile), index.AddressCount, index.AddressHashOf);
        Commit(force: true);
    }

    private void MarkDirty()
    {
        if (_dirty) return;
        using (var marker = new FileStream(Path.Combine(Index.Directory, UncommittedMarker), FileMode.Create, FileAccess.Write))
            marker.Flush(flushToDisk: true);
        _dirty = true;
    }

    /// <summary>
    /// Pre-sizes the txid and address hash tables for the totals an ingest expects to reach, so
    /// they are rehashed once instead of at every growth step. The tables are over-sized until
    /// the commit. They grow at the start of the next <see cref="AppendBlocks"/>, each on the thread of
    /// the half that owns it (<see cref="AppendTransactionSide"/>, <see cref="AppendOutputSide"/>), so the
    /// two rehashes run at once instead of one after the other ahead of the batch.
    /// </summary>
    public void ReserveKeys(long transactions, long addresses)
    {
        const long maxIds = uint.MaxValue;
        var index = Index;
        if (transactions > index.TxIdIndex.Capacity * 4 / 5 || addresses > index.AddressIndex.Capacity * 4 / 5) MarkDirty();
        _reservedTransactions = Math.Min(transactions, maxIds);
        _reservedAddresses = Math.Min(addresses, maxIds);
    }

    private long _reservedTransactions;
    private long _reservedAddresses;

    /// <summary>
    /// Rebuilds hash tables that <see cref="ReserveKeys"/> left over-sized at their canonical
    /// capacity, so an index is byte-identical however its ingest was split (a commit does it too).
    /// Each table is written, synced and renamed into place, so a kill during it leaves a valid table.
    /// </summary>
    public void Canonicalize()
    {
        Index.TxIdIndex.Canonicalize();
        Index.AddressIndex.Canonicalize();
    }

    /// <summary>
    /// Removes the blocks from <paramref name="height"/> up (they left the best chain): undoes
    /// their spends and address links, truncates every column and the hash indexes.
    /// </summary>
    public void RollbackTo(long height)
    {
        var index = Index;
        if (height < 0 || height > index.BlockCount) throw new ArgumentOutOfRangeException(nameof(height));
        if (height == index.BlockCount) return;
        MarkDirty();
        var firstTx = index.BlockFirstTx[height];
        var firstAddress = index.BlockFirstAddress[height];
        var firstInput = index.TxFirstInput[firstTx];
        var firstOutput = index.TxFirstOutput[firstTx];
        for (var i = index.InputCount - 1; i >= firstInput; i--)
            index.OutputSpender.Set(index.InputSpentOutput[i], 0);
        var saturated = new HashSet<uint>();
        for (var o = index.OutputCount - 1; o >= firstOutput; o--)
        {
            var address = index.OutputAddress[o];
            if (address == uint.MaxValue || address >= firstAddress) continue;
            index.AddressLastOutput.Set(address, index.OutputPreviousSameAddress[o]);
            var count = index.AddressOutputCount[address];
            if (count < BitcoinIndex.SaturatedOutputCount) index.AddressOutputCount.Set(address, (byte)(count - 1));
            else saturated.Add(address);
        }
        // A saturated count does not say how many outputs are left: the restored list is walked.
        foreach (var address in saturated)
            index.AddressOutputCount.Set(address, (byte)Math.Min(index.CountOutputsOfAddress(address), BitcoinIndex.SaturatedOutputCount));
        index.BlockHash.Truncate(height);
        index.BlockTime.Truncate(height);
        index.BlockFirstTx.Truncate(height);
        index.BlockFirstAddress.Truncate(height);
        foreach (var column in new[] { index.TxHash.Truncate, (Action<long>)index.TxFirstInput.Truncate, index.TxFirstOutput.Truncate, index.TxLockTime.Truncate, index.TxVirtualSize.Truncate, index.TxFlagsColumn.Truncate })
            column(firstTx);
        index.InputSpentOutput.Truncate(firstInput);
        foreach (var column in new[] { index.OutputValue.Truncate, (Action<long>)index.OutputAddress.Truncate, index.OutputTypeColumn.Truncate, index.OutputSpender.Truncate, index.OutputPreviousSameAddress.Truncate })
            column(firstOutput);
        index.OutputLargeValues.Truncate(FirstLargeValueFrom(firstOutput));
        for (var a = (long)firstAddress; a < index.AddressCount; a++)
        {
            if (!StoredAddressKey.HasTail(index.AddressKeys[a].Kind)) continue;
            index.AddressKeyTails.Truncate(index.AddressKeys[a].TailId);
            break;
        }
        index.AddressKeys.Truncate(firstAddress);
        index.AddressLastOutput.Truncate(firstAddress);
        index.AddressOutputCount.Truncate(firstAddress);
        index.TxIdIndex.TruncateTo(firstTx);
        index.AddressIndex.TruncateTo(firstAddress);
    }

    /// <summary>The first row of out_value_large.col whose output is at or after <paramref name="output"/> (rows are in output order).</summary>
    private long FirstLargeValueFrom(long output)
    {
        var rows = Index.OutputLargeValues;
        long low = 0, high = rows.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (rows[mid].OutputId < output) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>Closes without committing pending appends (they are repaired away on the next open).</summary>
    public void Abandon()
    {
        Index.Dispose();
        _lock.Dispose();
    }

    public void Dispose()
    {
        Commit();
        Canonicalize();
        Index.Dispose();
        _lock.Dispose();
    }
}
