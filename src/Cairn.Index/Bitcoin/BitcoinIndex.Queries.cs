using System.Buffers.Binary;
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

    // Inlined into the walks that read values per output (a trace reads several per transaction); the rare large
    // value's search stays out of line so that this stays small enough to inline (issue 19, session 12).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Value(uint outputId)
    {
        var bits = OutputValue[outputId].Bits;
        return bits != StoredValue.Large ? bits : LargeValue(outputId);
    }

    /// <summary>The value of an output stored in out_value_large.col (binary search: its rows are in output order).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
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
    // Optimised from the first call: a full pass calls this a few thousand times in well under the tiered JIT's delay.
    // The first version cost 3-4 x a read by Value: per value it tested whether 8 bytes remained, checked the span
    // bounds and had a call to the large-value search in the loop body, so nothing was unrolled and the loop kept its
    // state in memory around the call. Here the loop body is loads, masks, stores and an OR: the values whose 8-byte
    // load stays inside the slice are decoded four at a time without a branch, the last one or two (whose load would
    // run past the slice, and past the mapping at the column's end) from 4 + 1 bytes, and the marker of a large value is
    // found per block of 256 by OR-ing value + 1 (bit 40 is set only for the marker, 2^40 − 1, the highest 40-bit
    // value), so the binary search into out_value_large.col runs only for the rare block that holds one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyValues(uint firstOutput, Span<long> into)
    {
        const int block = 256;
        var count = into.Length;
        var bytes = MemoryMarshal.AsBytes(OutputValue.Slice(firstOutput, count));
        ref var source = ref MemoryMarshal.GetReference(bytes);
        ref var target = ref MemoryMarshal.GetReference(into);
        // Value i's 8-byte load covers bytes [5i, 5i + 8), inside the slice while i ≤ (length − 8) / 5.
        var wide = bytes.Length >= sizeof(ulong) ? (bytes.Length - sizeof(ulong)) / StoredValue.Size + 1 : 0;
        for (var start = 0; start < count; start += block)
        {
            var end = Math.Min(start + block, count);
            var wideEnd = Math.Min(end, wide);
            ulong seen = 0;
            var i = start;
            for (; i + 4 <= wideEnd; i += 4)
            {
                ref var at = ref Unsafe.Add(ref source, i * StoredValue.Size);
                var a = Load40(ref at);
                var b = Load40(ref Unsafe.Add(ref at, StoredValue.Size));
                var c = Load40(ref Unsafe.Add(ref at, 2 * StoredValue.Size));
                var d = Load40(ref Unsafe.Add(ref at, 3 * StoredValue.Size));
                ref var to = ref Unsafe.Add(ref target, i);
                to = (long)a;
                Unsafe.Add(ref to, 1) = (long)b;
                Unsafe.Add(ref to, 2) = (long)c;
                Unsafe.Add(ref to, 3) = (long)d;
                seen |= (a + 1) | (b + 1) | (c + 1) | (d + 1);
            }
            for (; i < wideEnd; i++)
            {
                var value = Load40(ref Unsafe.Add(ref source, i * StoredValue.Size));
                Unsafe.Add(ref target, i) = (long)value;
                seen |= value + 1;
            }
            for (; i < end; i++)
            {
                ref var at = ref Unsafe.Add(ref source, i * StoredValue.Size);
                var value = LittleEndian(Unsafe.ReadUnaligned<uint>(ref at)) | (ulong)Unsafe.Add(ref at, 4) << 32;
                Unsafe.Add(ref target, i) = (long)value;
                seen |= value + 1;
            }
            if ((seen >> 40) != 0) ReplaceLargeMarkers(firstOutput, into[start..end], start);
        }
    }

    /// <summary>Puts the real values in place of the markers of a decoded block (rare: see <see cref="CopyValues"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReplaceLargeMarkers(uint firstOutput, Span<long> block, int offset)
    {
        for (var i = 0; i < block.Length; i++)
            if (block[i] == StoredValue.Large) block[i] = LargeValue(firstOutput + (uint)(offset + i));
    }

    /// <summary>The 40-bit little-endian value at <paramref name="at"/>, read with one unaligned 8-byte load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load40(ref byte at) => LittleEndian(Unsafe.ReadUnaligned<ulong>(ref at)) & StoredValue.Large;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LittleEndian(uint value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    /// <summary>Every output's address id as one span, for full passes.</summary>
    public ReadOnlySpan<uint> OutputAddressSpan() => OutputAddress.AsSpan();

    /// <summary>Every input's spent output id as one span, for full passes.</summary>
    public ReadOnlySpan<uint> InputSpentOutputSpan() => InputSpentOutput.AsSpan();
}
