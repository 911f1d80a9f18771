using Cairn.Chains.Bitcoin;
using Cairn.Core;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Appending rows. The work splits into two halves that touch disjoint columns, so a batch of
/// blocks is appended by two threads at once: the transaction side (transaction columns, the
/// txid hash table, inputs and the spending links of outputs) and the output side (output
/// values, scripts and addresses, the address table and its hash table). The transaction side
/// needs only output counts from the scanned blocks, never the output side's rows.
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
        var outputs = Task.Run(() => AppendOutputSide(blocks, count));
        try
        {
            AppendTransactionSide(blocks, count, height);
        }
        finally
        {
            // Never leave the other half writing while the caller handles a failure.
            outputs.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
        outputs.GetAwaiter().GetResult();
    }

    private void AppendTransactionSide(ScannedBlock[] blocks, int count, long height)
    {
        var index = Index;
        for (var b = 0; b < count; b++)
        {
            var block = blocks[b];
            index.BlockFirstTx.Append((uint)index.TxHash.Count);
            index.TxHash.Reserve(block.TransactionCount);
            index.TxFirstInput.Reserve(block.TransactionCount);
            index.TxFirstOutput.Reserve(block.TransactionCount);
            index.TxLockTime.Reserve(block.TransactionCount);
            index.TxVirtualSize.Reserve(block.TransactionCount);
            index.TxFlagsColumn.Reserve(block.TransactionCount);
            index.InputSpentOutput.Reserve(block.InputCount);
            index.OutputSpender.Reserve(block.OutputCount);
            for (var t = 0; t < block.TransactionCount; t++)
            {
                var txId = (uint)index.TxHash.Count;
                index.TxHash.Append(block.TxIds[t]);
                index.TxFirstInput.Append((uint)index.InputSpentOutput.Count);
                index.TxFirstOutput.Append((uint)index.OutputSpender.Count);
                index.TxLockTime.Append(block.TxLockTime[t]);
                index.TxVirtualSize.Append(block.TxVirtualSize[t]);
                index.TxFlagsColumn.Append(block.TxFlags[t]);

                for (var i = block.TxFirstInput[t]; i < block.TxFirstInput[t + 1]; i++)
                {
                    var prevTxid = block.InputPrevTxIds[i];
                    if (!index.TryFindTransaction(prevTxid, block.InputPrevTxIdHashes[i], out var prevTx) || prevTx >= txId)
                        throw new CairnException($"block {block.Hash} (height {height + b}) tx {block.TxIds[t]} spends unknown transaction {prevTxid}");
                    // prevTx < txId, whose row is already appended, so prevTx + 1 has a first output.
                    var spent = index.TxFirstOutput[prevTx] + block.InputPrevIndex[i];
                    if (spent >= index.TxFirstOutput[prevTx + 1])
                        throw new CairnException($"block {block.Hash} (height {height + b}) tx {block.TxIds[t]} spends {prevTxid}:{block.InputPrevIndex[i]}, which does not exist");
                    if (index.OutputSpender[spent] != 0)
                        throw new CairnException($"block {block.Hash} (height {height + b}) tx {block.TxIds[t]} double-spends {prevTxid}:{block.InputPrevIndex[i]}");
                    index.InputSpentOutput.Append(spent);
                    index.OutputSpender.Set(spent, txId + 1);
                }

                for (var o = block.TxFirstOutput[t]; o < block.TxFirstOutput[t + 1]; o++)
                    index.OutputSpender.Append(0);
                index.TxIdIndex.Insert(block.TxIdHashes[t], txId);
            }
        }
    }

    private void AppendOutputSide(ScannedBlock[] blocks, int count)
    {
        var index = Index;
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
            for (var o = 0; o < outputs; o++)
                AppendOutput(block.OutputValue[o], block.OutputType[o], block.OutputAddress[o], block.OutputAddressHashes[o]);
        }
    }

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
        index.OutputValue.Append(value);
        index.OutputAddress.Append(addressId);
        index.OutputTypeColumn.Append((byte)type);
        index.OutputPreviousSameAddress.Append(previous);
        if (addressId != uint.MaxValue)
        {
            index.AddressLastOutput.Set(addressId, outputId + 1);
            index.AddressOutputCount.Set(addressId, index.AddressOutputCount[addressId] + 1);
        }
    }
}
