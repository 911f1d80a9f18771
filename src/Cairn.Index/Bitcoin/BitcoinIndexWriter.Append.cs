using System.Diagnostics;
using System.Runtime.CompilerServices;
using Cairn.Chains.Bitcoin;
using Cairn.Core;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Appending rows. The work splits into two halves that touch disjoint columns, so a batch of
/// blocks is appended by two threads at once: the transaction side (transaction columns, the
/// txid hash table, inputs and the spending links of outputs) and the output side (output
/// values, scripts and addresses, the address table and its hash table). The transaction side
/// needs only output counts from the scanned blocks, never the output side's rows. The output
/// side is the longer half, but its time is the address lookups' cache misses: moving the values
/// and script types (which need no address) to the other side doubled that side's time and took
/// nothing off this one, whose sequential appends overlap with the misses (session 13,
/// docs/benchmarks.md), so they stay here.
/// </summary>
public sealed partial class BitcoinIndexWriter
{
    /// <summary>
    /// Appends one block. It must extend the current tip (or be the first block); every input
    /// must spend an output already in the index. Nothing is committed until <see cref="Commit"/>.
    /// </summary>
    public void Append(ScannedBlock block, long height)
    {
        ArgumentNullException.ThrowIfNull(block);
        AppendBlocks([block], 1, height, parallel: false);
    }

    /// <summary>
    /// Appends <paramref name="count"/> blocks from <paramref name="height"/> up, the transaction
    /// side and the output side on two threads when <paramref name="parallel"/>.
    /// </summary>
    public void AppendBlocks(ScannedBlock[] blocks, int count, long height, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var index = Index;
        if (count > 0 && height != index.BlockCount)
            throw new CairnException($"block {blocks[0].Hash} is at height {height} but the index expects height {index.BlockCount}");
        var tip = index.TipHash;
        for (var i = 0; i < count; i++)
        {
            var block = blocks[i];
            if (tip is { } previous && block.PreviousHash != previous)
                throw new CairnException($"block {block.Hash} at height {height + i} does not extend the index tip {previous}");
            tip = block.Hash;
        }
        if (count == 0) return;
        MarkDirty();
        for (var i = 0; i < count; i++)
        {
            index.BlockHash.Append(blocks[i].Hash);
            index.BlockTime.Append(blocks[i].Time);
        }
        if (!parallel)
        {
            AppendTransactionSide(blocks, count, height);
            AppendOutputSide(blocks, count);
            return;
        }
        var outputs = Task.Run(() =>
        {
            var start = Stopwatch.GetTimestamp();
            AppendOutputSide(blocks, count);
            OutputSideTime += Stopwatch.GetElapsedTime(start);
        });
        try
        {
            var start = Stopwatch.GetTimestamp();
            AppendTransactionSide(blocks, count, height);
            TransactionSideTime += Stopwatch.GetElapsedTime(start);
        }
        finally
        {
            // Never leave the other half writing while the caller handles a failure.
            outputs.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
        outputs.GetAwaiter().GetResult();
    }

    /// <summary>Time the transaction side of <see cref="AppendBlocks"/> took over the writer's life, when run in parallel.</summary>
    public TimeSpan TransactionSideTime { get; private set; }

    /// <summary>Time the output side of <see cref="AppendBlocks"/> took over the writer's life, when run in parallel.</summary>
    public TimeSpan OutputSideTime { get; private set; }

    /// <summary>Of <see cref="TransactionSideTime"/>, the time spent growing the txid table as <see cref="ReserveKeys"/> asked.</summary>
    public TimeSpan TxIdTableGrowthTime { get; private set; }

    /// <summary>Of <see cref="OutputSideTime"/>, the time spent growing the address table as <see cref="ReserveKeys"/> asked.</summary>
    public TimeSpan AddressTableGrowthTime { get; private set; }

    /// <summary>How many rows ahead of its use a random read is prefetched: enough misses in flight to keep the memory busy.</summary>
    private const int PrefetchDistance = 16;

    /// <summary>What <see cref="SpentOutput"/> answers for an input whose transaction, or output, does not exist.</summary>
    private const long UnknownTransaction = -1;
    private const long NoSuchOutput = -2;

    /// <summary>Per input of the block being resolved: the spending transaction's id and the output it spends (reused).</summary>
    private uint[] _spendingTx = new uint[256];
    private long[] _spentOutput = new long[256];

    private void AppendTransactionSide(ScannedBlock[] blocks, int count, long height)
    {
        var index = Index;
        var growth = Stopwatch.GetTimestamp();
        // Consumed here: a reservation outlives neither its batch nor a commit that brings the table back to its
        // canonical size (a writer kept open, as a watcher's, would otherwise re-grow it after every commit).
        index.TxIdIndex.Reserve(_reservedTransactions);
        _reservedTransactions = 0;
        TxIdTableGrowthTime += Stopwatch.GetElapsedTime(growth);
        for (var b = 0; b < count; b++)
        {
            var block = blocks[b];
            var firstTx = (uint)index.TxHash.Count;
            index.BlockFirstTx.Append(firstTx);
            AppendTransactionRows(block);
            ResolveInputs(block, firstTx, height + b);
        }
    }

    /// <summary>
    /// The block's transaction rows, the zero spender of each of its outputs and its txids in the hash table. All of
    /// them go in before the inputs are resolved, so the inputs' lookups can be batched; a lookup then takes only ids
    /// below the spending transaction (<see cref="Columns.HashIndex.TryFindBelow"/>), which answers as if each txid had
    /// been inserted after its own transaction's inputs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendTransactionRows(ScannedBlock block)
    {
        var index = Index;
        var transactions = block.TransactionCount;
        var firstTx = (uint)index.TxHash.Count;
        var firstInput = (uint)index.InputSpentOutput.Count;
        var firstOutput = (uint)index.OutputSpender.Count;
        var hashes = index.TxHash.AppendRange(transactions);
        var firstInputs = index.TxFirstInput.AppendRange(transactions);
        var firstOutputs = index.TxFirstOutput.AppendRange(transactions);
        var lockTimes = index.TxLockTime.AppendRange(transactions);
        var virtualSizes = index.TxVirtualSize.AppendRange(transactions);
        var flags = index.TxFlagsColumn.AppendRange(transactions);
        index.InputSpentOutput.Reserve(block.InputCount);
        for (var t = 0; t < transactions; t++)
        {
            hashes[t] = block.TxIds[t];
            firstInputs[t] = firstInput + (uint)block.TxFirstInput[t];
            firstOutputs[t] = firstOutput + (uint)block.TxFirstOutput[t];
            lockTimes[t] = block.TxLockTime[t];
            virtualSizes[t] = block.TxVirtualSize[t];
            flags[t] = block.TxFlags[t];
        }
        index.OutputSpender.AppendRange(block.OutputCount).Clear();
        var table = index.TxIdIndex;
        for (var t = 0; t < transactions; t++)
        {
            if (t + PrefetchDistance < transactions) table.Prefetch(block.TxIdHashes[t + PrefetchDistance]);
            table.Insert(block.TxIdHashes[t], firstTx + (uint)t);
        }
    }

    /// <summary>
    /// Finds the output each input spends and links it to its spender, in three stages a few inputs apart so that the
    /// cache misses of neighbouring inputs overlap (the txid slot, then the candidate's txid and first output, then the
    /// spent output's spender). The checks and the writes happen in input order in the last stage, so the first
    /// invalid input is reported as before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveInputs(ScannedBlock block, uint firstTx, long height)
    {
        var index = Index;
        var inputs = block.InputCount;
        if (inputs == 0) return;
        var table = index.TxIdIndex;
        var spending = _spendingTx.Length >= inputs ? _spendingTx : _spendingTx = new uint[Math.Max(inputs, _spendingTx.Length * 2)];
        var spent = _spentOutput.Length >= inputs ? _spentOutput : _spentOutput = new long[spending.Length];
        for (int t = 0, i = 0; t < block.TransactionCount; t++)
            for (; i < block.TxFirstInput[t + 1]; i++) spending[i] = firstTx + (uint)t;

        for (var i = -2 * PrefetchDistance; i < inputs; i++)
        {
            var ahead = i + 2 * PrefetchDistance;
            if (ahead < inputs) table.Prefetch(block.InputPrevTxIdHashes[ahead]);
            var near = i + PrefetchDistance;
            if (near >= 0 && near < inputs && table.FirstCandidate(block.InputPrevTxIdHashes[near]) is var candidate and >= 0)
            {
                index.TxHash.Prefetch(candidate);
                index.TxFirstOutput.Prefetch(candidate);
            }
            if (i < 0) continue;
            spent[i] = SpentOutput(block, i, spending[i]);
            if (spent[i] >= 0) index.OutputSpender.Prefetch(spent[i]);
            var late = i - PrefetchDistance;
            if (late >= 0) LinkSpend(block, late, spending[late], spent[late], height);
        }
        for (var i = Math.Max(0, inputs - PrefetchDistance); i < inputs; i++) LinkSpend(block, i, spending[i], spent[i], height);
    }

    /// <summary>The output input <paramref name="input"/> spends, or <see cref="UnknownTransaction"/> / <see cref="NoSuchOutput"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long SpentOutput(ScannedBlock block, int input, uint spendingTx)
    {
        var index = Index;
        if (!index.TryFindTransactionBelow(block.InputPrevTxIds[input], block.InputPrevTxIdHashes[input], spendingTx, out var prevTx))
            return UnknownTransaction;
        // prevTx < spendingTx, whose row is already appended, so prevTx + 1 has a first output.
        var spent = (long)index.TxFirstOutput[prevTx] + block.InputPrevIndex[input];
        return spent < index.TxFirstOutput[prevTx + 1] ? spent : NoSuchOutput;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LinkSpend(ScannedBlock block, int input, uint spendingTx, long spent, long height)
    {
        var index = Index;
        if (spent < 0 || index.OutputSpender[spent] != 0)
        {
            var txid = block.TxIds[spendingTx - (index.TxHash.Count - block.TransactionCount)];
            var prevTxid = block.InputPrevTxIds[input];
            throw new CairnException(spent switch
            {
                UnknownTransaction => $"block {block.Hash} (height {height}) tx {txid} spends unknown transaction {prevTxid}",
                NoSuchOutput => $"block {block.Hash} (height {height}) tx {txid} spends {prevTxid}:{block.InputPrevIndex[input]}, which does not exist",
                _ => $"block {block.Hash} (height {height}) tx {txid} double-spends {prevTxid}:{block.InputPrevIndex[input]}",
            });
        }
        index.InputSpentOutput.Append((uint)spent);
        index.OutputSpender.Set(spent, spendingTx + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendOutputSide(ScannedBlock[] blocks, int count)
    {
        var index = Index;
        var growth = Stopwatch.GetTimestamp();
        index.AddressIndex.Reserve(_reservedAddresses);
        _reservedAddresses = 0;
        AddressTableGrowthTime += Stopwatch.GetElapsedTime(growth);
        for (var b = 0; b < count; b++)
        {
            var block = blocks[b];
            var outputs = block.OutputCount;
            index.BlockFirstAddress.Append((uint)index.AddressKeys.Count);
            index.OutputValue.Reserve(outputs);
            index.OutputAddress.Reserve(outputs);
            index.OutputTypeColumn.Reserve(outputs);
            index.OutputPreviousSameAddress.Reserve(outputs);
            index.AddressKeys.Reserve(outputs);
            index.AddressKeyTails.Reserve(outputs);
            index.AddressLastOutput.Reserve(outputs);
            index.AddressOutputCount.Reserve(outputs);
            var table = index.AddressIndex;
            for (var o = 0; o < outputs; o++)
            {
                // Prefetch as the inputs do: the address's slot two steps ahead, then the row it likely names.
                var ahead = o + 2 * PrefetchDistance;
                if (ahead < outputs && block.OutputAddress[ahead].Kind != AddressKind.None) table.Prefetch(block.OutputAddressHashes[ahead]);
                var near = o + PrefetchDistance;
                if (near < outputs && block.OutputAddress[near].Kind != AddressKind.None && table.FirstCandidate(block.OutputAddressHashes[near]) is var candidate and >= 0)
                {
                    index.AddressKeys.Prefetch(candidate);
                    index.AddressLastOutput.Prefetch(candidate);
                    index.AddressOutputCount.Prefetch(candidate);
                }
                AppendOutput(block.OutputValue[o], block.OutputType[o], block.OutputAddress[o], block.OutputAddressHashes[o]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendOutput(long value, ScriptType type, AddressKey key, ulong keyHash)
    {
        var index = Index;
        var outputId = (uint)index.OutputValue.Count;
        var addressId = uint.MaxValue;
        var previous = 0u;
        if (key.Kind != AddressKind.None)
        {
            if (!index.FindOrAddAddress(key, keyHash, (uint)index.AddressKeys.Count, out addressId))
            {
                if (StoredAddressKey.HasTail(key.Kind))
                {
                    index.AddressKeys.Append(StoredAddressKey.From(key, (uint)index.AddressKeyTails.Count));
                    index.AddressKeyTails.Append(StoredAddressKey.TailOf(key));
                }
                else
                {
                    index.AddressKeys.Append(StoredAddressKey.From(key, 0));
                }
                index.AddressLastOutput.Append(0);
                index.AddressOutputCount.Append(0);
            }
            previous = index.AddressLastOutput[addressId];
        }
        // Order matters for crash repair: the output row is complete before the head moves to it.
        index.OutputValue.Append(StoredValue.From(value));
        if (StoredValue.IsLarge(value)) index.OutputLargeValues.Append(new LargeOutputValue(outputId, value));
        index.OutputAddress.Append(addressId);
        index.OutputTypeColumn.Append((byte)type);
        index.OutputPreviousSameAddress.Append(previous);
        if (addressId != uint.MaxValue)
        {
            index.AddressLastOutput.Set(addressId, outputId + 1);
            var count = index.AddressOutputCount[addressId];
            if (count < BitcoinIndex.SaturatedOutputCount) index.AddressOutputCount.Set(addressId, (byte)(count + 1));
        }
    }
}
