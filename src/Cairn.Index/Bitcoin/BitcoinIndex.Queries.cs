using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Columns;

namespace Cairn.Index.Bitcoin;

/// <summary>Read queries over the columns (ids are dense; "end" bounds are exclusive).</summary>
public sealed partial class BitcoinIndex
{
    private struct TxIdMatcher(BitcoinIndex index, Hash256 txid) : IKeyMatcher
    {
        public readonly bool Matches(uint id) => index.TxHash[id] == txid;
    }

    private struct AddressMatcher(BitcoinIndex index, AddressKey key) : IKeyMatcher
    {
        public readonly bool Matches(uint id) => index.AddressKeys[id].Matches(key, index.AddressKeyTails);
    }

    public bool TryFindTransaction(Hash256 txid, out uint txId)
    {
        var matcher = new TxIdMatcher(this, txid);
        return TxIdIndex.TryFind(TxIdHash(txid), ref matcher, out txId);
    }

    public bool TryFindAddress(AddressKey key, out uint addressId) => TryFindAddress(key, key.Hash(), out addressId);

    /// <summary>Lookup with the key's hash already computed (ingest computes it on the scanning threads).</summary>
    internal bool TryFindTransaction(Hash256 txid, ulong hash, out uint txId)
    {
        var matcher = new TxIdMatcher(this, txid);
        return TxIdIndex.TryFind(hash, ref matcher, out txId);
    }

    /// <summary>The newest transaction with this txid among the ids below <paramref name="limit"/> (ingest: the spending transaction's id).</summary>
    internal bool TryFindTransactionBelow(Hash256 txid, ulong hash, uint limit, out uint txId)
    {
        var matcher = new TxIdMatcher(this, txid);
        return TxIdIndex.TryFindBelow(hash, ref matcher, limit, out txId);
    }

    internal bool TryFindAddress(AddressKey key, ulong hash, out uint addressId)
    {
        var matcher = new AddressMatcher(this, key);
        return AddressIndex.TryFind(hash, ref matcher, out addressId);
    }

    /// <summary>Finds the address or adds it to the hash index under <paramref name="newId"/>, in one probe.</summary>
    internal bool FindOrAddAddress(AddressKey key, ulong hash, uint newId, out uint addressId)
    {
        var matcher = new AddressMatcher(this, key);
        return AddressIndex.FindOrAdd(hash, ref matcher, newId, out addressId);
    }

    public Hash256 TransactionHash(uint txId) => TxHash[txId];

    public TxFlags TransactionFlags(uint txId) => (TxFlags)TxFlagsColumn[txId];

    public uint TransactionLockTime(uint txId) => TxLockTime[txId];

    public uint TransactionVirtualSize(uint txId) => TxVirtualSize[txId];

    /// <summary>The outputs of a transaction as the id range [first, end).</summary>
    public (uint First, uint End) OutputsOf(uint txId) =>
        (TxFirstOutput[txId], txId + 1 < TransactionCount ? TxFirstOutput[txId + 1] : (uint)OutputCount);

    /// <summary>The inputs of a transaction as the id range [first, end) (empty for a coinbase).</summary>
    public (uint First, uint End) InputsOf(uint txId) =>
        (TxFirstInput[txId], txId + 1 < TransactionCount ? TxFirstInput[txId + 1] : (uint)InputCount);

    public long Value(uint outputId)
    {
        var bits = OutputValue[outputId].Bits;
        return bits != StoredValue.Large ? bits : LargeValue(outputId);
    }

    /// <summary>The value of an output stored in out_value_large.col (binary search: its rows are in output order).</summary>
    private long LargeValue(uint outputId)
    {
        long low = 0, high = OutputLargeValues.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var row = OutputLargeValues[mid];
            if (row.OutputId == outputId) return row.Value;
            if (row.OutputId < outputId) low = mid + 1;
            else high = mid - 1;
        }
        throw new InvalidDataException($"output {outputId} is marked as holding a large value but out_value_large.col has no row for it: the index is damaged, delete it and ingest again");
    }

    public uint AddressOf(uint outputId) => OutputAddress[outputId];

    public ScriptType ScriptTypeOf(uint outputId) => (ScriptType)OutputTypeColumn[outputId];

    /// <summary>The transaction that spends the output, or null while it is unspent.</summary>
    public uint? SpenderOf(uint outputId)
    {
        var spender = OutputSpender[outputId];
        return spender == 0 ? null : spender - 1;
    }

    public uint SpentOutputOf(uint inputId) => InputSpentOutput[inputId];

    public AddressKey AddressKeyOf(uint addressId) => AddressKeys[addressId].ToKey(AddressKeyTails);

    public string AddressString(uint addressId) => AddressKeyOf(addressId).ToDisplayString(Network);

    public uint OutputCountOfAddress(uint addressId)
    {
        var stored = AddressOutputCount[addressId];
        return stored < SaturatedOutputCount ? stored : CountOutputsOfAddress(addressId);
    }

    /// <summary>The length of the address's output list, walked (for counts the one-byte column cannot hold).</summary>
    internal uint CountOutputsOfAddress(uint addressId)
    {
        uint count = 0;
        for (var next = AddressLastOutput[addressId]; next != 0; next = OutputPreviousSameAddress[next - 1]) count++;
        return count;
    }

    /// <summary>The transaction an output belongs to (binary search over tx_first_output).</summary>
    public uint TransactionOfOutput(uint outputId) => UpperBound(TxFirstOutput, TransactionCount, outputId);

    /// <summary>The transaction an input belongs to (binary search over tx_first_input).</summary>
    public uint TransactionOfInput(uint inputId) => UpperBound(TxFirstInput, TransactionCount, inputId);

    /// <summary>Output index within its transaction (the vout).</summary>
    public uint VoutOf(uint outputId) => outputId - TxFirstOutput[TransactionOfOutput(outputId)];

    /// <summary>Height of the block holding a transaction.</summary>
    public uint HeightOf(uint txId) => UpperBound(BlockFirstTx, BlockCount, txId);

    public uint BlockTimeOf(uint height) => BlockTime[height];

    public Hash256 BlockHashAt(uint height) => BlockHash[height];

    /// <summary>Transactions of a block as the id range [first, end).</summary>
    public (uint First, uint End) TransactionsOfBlock(uint height) =>
        (BlockFirstTx[height], height + 1 < BlockCount ? BlockFirstTx[height + 1] : (uint)TransactionCount);

    /// <summary>Every output paid to an address, newest first (walks the per-address chain).</summary>
    public IEnumerable<uint> OutputsOfAddress(uint addressId)
    {
        var next = AddressLastOutput[addressId];
        while (next != 0)
        {
            var output = next - 1;
            yield return output;
            next = OutputPreviousSameAddress[output];
        }
    }

    /// <summary>Sum of values flowing into a transaction; 0 for a coinbase (its subsidy is not an input).</summary>
    public long InputTotal(uint txId)
    {
        var (first, end) = InputsOf(txId);
        long total = 0;
        for (var i = first; i < end; i++) total += Value(InputSpentOutput[i]);
        return total;
    }

    public long OutputTotal(uint txId)
    {
        var (first, end) = OutputsOf(txId);
        long total = 0;
        for (var o = first; o < end; o++) total += Value(o);
        return total;
    }

    /// <summary>Fee paid by a transaction (0 for a coinbase).</summary>
    public long FeeOf(uint txId) =>
        TransactionFlags(txId).HasFlag(TxFlags.Coinbase) ? 0 : InputTotal(txId) - OutputTotal(txId);

    /// <summary>Largest i with column[i] ≤ value, for monotone "first id" columns.</summary>
    private static uint UpperBound(MappedColumn<uint> column, long count, uint value)
    {
        long low = 0, high = count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (column[mid] <= value) low = mid;
            else high = mid - 1;
        }
        return (uint)low;
    }

    /// <summary>
    /// Copies the values of outputs [<paramref name="firstOutput"/>, + <paramref name="into"/>.Length) into
    /// <paramref name="into"/>, for full passes (the column is 5 bytes a value, so there is no span of longs to lend).
    /// </summary>
    // Optimised from the first call: a full pass calls this a few thousand times in well under the tiered JIT's delay,
    // so without it the pass ran mostly unoptimised code (274 against 898 M rows/s for a span of longs).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyValues(uint firstOutput, Span<long> into)
    {
        var bytes = MemoryMarshal.AsBytes(OutputValue.Slice(firstOutput, into.Length));
        ref var first = ref MemoryMarshal.GetReference(bytes);
        for (var i = 0; i < into.Length; i++)
        {
            // One unaligned 8-byte load masked to 40 bits while 8 bytes remain in the slice, the stored form after.
            var offset = i * StoredValue.Size;
            var bits = offset + sizeof(ulong) <= bytes.Length
                ? (long)(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, offset)) & StoredValue.Large)
                : MemoryMarshal.Read<StoredValue>(bytes[offset..]).Bits;
            into[i] = bits != StoredValue.Large ? bits : LargeValue(firstOutput + (uint)i);
        }
    }

    /// <summary>Every output's address id as one span, for full passes.</summary>
    public ReadOnlySpan<uint> OutputAddressSpan() => OutputAddress.AsSpan();

    /// <summary>Every input's spent output id as one span, for full passes.</summary>
    public ReadOnlySpan<uint> InputSpentOutputSpan() => InputSpentOutput.AsSpan();
}
