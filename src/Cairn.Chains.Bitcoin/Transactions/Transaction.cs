using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// A Bitcoin transaction: legacy or SegWit (BIP141/BIP144 serialization with marker 0x00
/// and flag 0x01). <see cref="TxId"/> hashes the serialization without witness data;
/// <see cref="WitnessTxId"/> (wtxid) hashes it with witness data, and equals the txid for
/// transactions that carry none (BIP141 "Transaction ID").
/// </summary>
public sealed class Transaction
{
    /// <summary>Builds a transaction and computes its ids from its serialization.</summary>
    public Transaction(int version, IReadOnlyList<TxIn> inputs, IReadOnlyList<TxOut> outputs, uint lockTime)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        Version = version;
        Inputs = inputs;
        Outputs = outputs;
        LockTime = lockTime;
        HasWitness = inputs.Any(i => i.HasWitness);
        BaseSize = ComputeBaseSize();
        SerializedSize = HasWitness ? BaseSize + 2 + inputs.Sum(i => i.WitnessSize) : BaseSize;
        TxId = DoubleSha256.Compute(Serialize(withWitness: false));
    }

    internal Transaction(int version, TxIn[] inputs, TxOut[] outputs, uint lockTime, bool hasWitness, int baseSize, int serializedSize, Hash256 txId)
    {
        Version = version;
        Inputs = inputs;
        Outputs = outputs;
        LockTime = lockTime;
        HasWitness = hasWitness;
        BaseSize = baseSize;
        SerializedSize = serializedSize;
        TxId = txId;
    }

    // Boxed so the lazily computed wtxid is published with one atomic reference write.
    private object? _witnessTxId;

    public int Version { get; }

    public IReadOnlyList<TxIn> Inputs { get; }

    public IReadOnlyList<TxOut> Outputs { get; }

    public uint LockTime { get; }

    public Hash256 TxId { get; }

    /// <summary>
    /// The wtxid (BIP141). Computed on first use: only the witness commitment needs it, and
    /// hashing is most of the cost of parsing, so the index never pays for it.
    /// </summary>
    public Hash256 WitnessTxId
    {
        get
        {
            if (!HasWitness) return TxId;
            if (_witnessTxId is Hash256 cached) return cached;
            var computed = DoubleSha256.Compute(Serialize(withWitness: true));
            _witnessTxId = computed;
            return computed;
        }
    }

    public bool HasWitness { get; }

    /// <summary>
    /// Litecoin: the block's last transaction that moves coins into and out of the MWEB extension
    /// (the "HogEx", LIP-0002), serialised with the MWEB flag and an empty MWEB part. Its first output
    /// holds every coin inside MWEB; tracing through it would mix them all, so tracers stop there.
    /// </summary>
    public bool IsHogEx { get; internal init; }

    /// <summary>A coinbase has exactly one input, spending the null outpoint.</summary>
    public bool IsCoinbase => Inputs.Count == 1 && Inputs[0].PreviousOutput.IsNull;

    /// <summary>Size in bytes with witness data (what a block stores).</summary>
    public int SerializedSize { get; }

    /// <summary>Size in bytes without witness data.</summary>
    public int BaseSize { get; }

    /// <summary>BIP141 weight: base size × 3 + total size.</summary>
    public int Weight => BaseSize * 3 + SerializedSize;

    /// <summary>Sum of output values in satoshi.</summary>
    public long TotalOutput => Outputs.Sum(o => o.Value);

    /// <summary>Parses exactly one transaction; trailing bytes are an error.</summary>
    public static Transaction Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ByteReader(bytes, "transaction");
        var transaction = TransactionParser.Read(ref reader);
        if (reader.Remaining != 0)
            throw new CairnException($"malformed transaction at byte {reader.Position}: {reader.Remaining} unexpected bytes after the end");
        return transaction;
    }

    /// <summary>Parses a transaction given as hex (as printed by getrawtransaction).</summary>
    public static Transaction ParseHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Parse(HexText.Decode(hex.Trim(), "transaction hex"));
    }

    /// <summary>
    /// Consensus serialization. With <paramref name="withWitness"/> and witness data present,
    /// uses the BIP144 form (marker, flag, witnesses before the lock time); otherwise legacy.
    /// </summary>
    public byte[] Serialize(bool withWitness = true)
    {
        var full = withWitness && IsExtended;
        var buffer = new byte[full ? SerializedSize : BaseSize];
        var writer = new ByteWriter(buffer);
        WriteTo(ref writer, full);
        return buffer;
    }

    /// <summary>Serialised with the marker and flag bytes (witness data, or Litecoin's HogEx marker).</summary>
    internal bool IsExtended => HasWitness || IsHogEx;

    internal void WriteTo(ref ByteWriter writer, bool extended)
    {
        var withWitness = extended && HasWitness;
        writer.WriteInt32(Version);
        if (extended)
        {
            writer.WriteByte(0x00);
            writer.WriteByte((byte)((HasWitness ? 0x01 : 0) | (IsHogEx ? 0x08 : 0)));
        }
        writer.WriteCompactSize((ulong)Inputs.Count);
        foreach (var input in Inputs)
        {
            writer.WriteHash(input.PreviousOutput.TxId);
            writer.WriteUInt32(input.PreviousOutput.Index);
            writer.WriteVarBytes(input.ScriptSig);
            writer.WriteUInt32(input.Sequence);
        }
        writer.WriteCompactSize((ulong)Outputs.Count);
        foreach (var output in Outputs)
        {
            writer.WriteInt64(output.Value);
            writer.WriteVarBytes(output.ScriptPubKey);
        }
        if (withWitness)
        {
            foreach (var input in Inputs)
            {
                writer.WriteCompactSize((ulong)input.Witness.Count);
                foreach (var item in input.Witness) writer.WriteVarBytes(item);
            }
        }
        if (extended && IsHogEx) writer.WriteByte(0x00);
        writer.WriteUInt32(LockTime);
    }

    private int ComputeBaseSize() =>
        4 + CompactSize.SizeOf((ulong)Inputs.Count) + Inputs.Sum(i => i.SerializedSize)
        + CompactSize.SizeOf((ulong)Outputs.Count) + Outputs.Sum(o => o.SerializedSize) + 4;
}
