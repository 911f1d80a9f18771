using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>A block: header and transactions, as serialized in blk*.dat files and by <c>getblock &lt;hash&gt; 0</c>.</summary>
public sealed class Block
{
    public Block(BlockHeader header, IReadOnlyList<Transaction> transactions)
        : this(header, transactions, null, null)
    {
    }

    /// <summary>A block with Dogecoin's merged-mining proof and/or Litecoin's MWEB extension.</summary>
    public Block(BlockHeader header, IReadOnlyList<Transaction> transactions, AuxPow? auxPow, MwebExtension? mweb)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(transactions);
        Header = header;
        Transactions = transactions;
        AuxPow = auxPow;
        Mweb = mweb;
        SerializedSize = BlockHeader.Size + (auxPow?.SerializedSize ?? 0) + CompactSize.SizeOf((ulong)transactions.Count) + transactions.Sum(t => t.SerializedSize)
            + (mweb?.SerializedSize ?? 0);
    }

    public BlockHeader Header { get; }

    /// <summary>Dogecoin: the merged-mining proof after the header, when the version announces one.</summary>
    public AuxPow? AuxPow { get; }

    /// <summary>Litecoin: the MWEB extension after the HogEx (header read, body skipped), when present.</summary>
    public MwebExtension? Mweb { get; }

    public IReadOnlyList<Transaction> Transactions { get; }

    public Hash256 Hash => Header.Hash;

    public int SerializedSize { get; }

    /// <summary>Whether the header's merkle root equals the one recomputed from the txids.</summary>
    public bool MerkleRootMatches => ComputeMerkleRoot() == Header.MerkleRoot;

    /// <summary>Sum of every output value in satoshi (coinbase included).</summary>
    public long TotalOutput => Transactions.Sum(t => t.TotalOutput);

    /// <summary>The merkle root of the txids (not the wtxids), as committed in the header.</summary>
    public Hash256 ComputeMerkleRoot()
    {
        var ids = new Hash256[Transactions.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = Transactions[i].TxId;
        return MerkleTree.ComputeRoot(ids);
    }

    /// <summary>
    /// The BIP141 witness commitment check: the last coinbase output starting with
    /// 6a24aa21a9ed must equal SHA256d(witness merkle root ‖ coinbase witness reserved value),
    /// where the witness merkle root is over the wtxids with the coinbase's taken as zero.
    /// Null when the block has no commitment (pre-SegWit blocks).
    /// </summary>
    public bool? WitnessCommitmentMatches
    {
        get
        {
            if (Transactions.Count == 0 || !Transactions[0].IsCoinbase) return null;
            var coinbase = Transactions[0];
            byte[]? commitment = null;
            foreach (var output in coinbase.Outputs)
            {
                var script = output.ScriptPubKey;
                if (script.Length >= 38 && script.AsSpan(0, 6).SequenceEqual(WitnessCommitmentHeader)) commitment = script;
            }
            if (commitment is null) return null;
            var witness = coinbase.Inputs[0].Witness;
            if (witness.Count != 1 || witness[0].Length != 32) return false;
            var ids = new Hash256[Transactions.Count];
            for (var i = 1; i < ids.Length; i++) ids[i] = Transactions[i].WitnessTxId;
            Span<byte> preimage = stackalloc byte[64];
            MerkleTree.ComputeRoot(ids).CopyTo(preimage);
            witness[0].CopyTo(preimage[32..]);
            Span<byte> expected = stackalloc byte[32];
            DoubleSha256.Hash(preimage, expected);
            return expected.SequenceEqual(commitment.AsSpan(6, 32));
        }
    }

    // OP_RETURN, push 36, then the commitment header aa21a9ed (BIP141).
    private static ReadOnlySpan<byte> WitnessCommitmentHeader => [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed];

    /// <summary>Parses one Bitcoin block; trailing bytes, truncation or malformed transactions throw <see cref="CairnException"/> naming the transaction and byte offset.</summary>
    public static Block Parse(ReadOnlySpan<byte> bytes) => Parse(bytes, Network.Main);

    /// <summary>
    /// Parses one block of <paramref name="network"/>'s chain: Dogecoin's AuxPoW after the header
    /// when announced, Litecoin's HogEx and MWEB extension, refusing serialisations the chain does
    /// not have (SegWit on Bitcoin Cash or Dogecoin, MWEB anywhere but Litecoin).
    /// </summary>
    public static Block Parse(ReadOnlySpan<byte> bytes, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var reader = new ByteReader(bytes, "block header");
        var header = BlockHeader.Read(ref reader);
        var auxPow = network.AuxPow && AuxPow.IsFlagged(header.Version) ? AuxPow.Read(ref reader) : null;
        reader.Context = "block";
        // Smallest transaction: 4 version + 1 input count + 1 output count + 4 lock time.
        var count = reader.ReadCount("transactions", 10);
        var transactions = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            reader.Context = $"transaction {i}";
            transactions[i] = TransactionParser.Read(ref reader, network);
            if (transactions[i].IsHogEx && i != count - 1)
                throw new CairnException($"malformed block: transaction {i} is a HogEx but not the last transaction (LIP-0002)");
        }
        MwebExtension? mweb = null;
        if (count >= 2 && transactions[count - 1].IsHogEx) mweb = ReadMweb(ref reader);
        if (reader.Remaining != 0)
            throw new CairnException($"malformed block at byte {reader.Position}: {reader.Remaining} unexpected bytes after transaction {count - 1}");
        return new Block(header, transactions, auxPow, mweb);
    }

    /// <summary>
    /// The MWEB extension (Litecoin Core: an optional mw::Block after the HogEx): a presence byte,
    /// then the header (VARINT height, five 32-byte roots and offsets, VARINT MMR sizes) and the
    /// body, which runs to the end of the block and is skipped unread (<see cref="MwebExtension"/>).
    /// </summary>
    private static MwebExtension ReadMweb(ref ByteReader reader)
    {
        var start = reader.Position;
        reader.Context = "MWEB extension";
        var present = reader.ReadByte();
        if (present == 0) return new MwebExtension { Present = false, SerializedSize = 1 };
        if (present != 1) throw new CairnException($"malformed MWEB extension at byte {start}: presence marker 0x{present:x2}, expected 0 or 1");
        var height = reader.ReadVarInt();
        if (height > int.MaxValue) throw new CairnException($"malformed MWEB extension at byte {start}: height {height}");
        var outputRoot = reader.ReadHash();
        var kernelRoot = reader.ReadHash();
        var leafsetRoot = reader.ReadHash();
        reader.ReadHash(); // kernel offset
        reader.ReadHash(); // stealth offset
        var outputMmrSize = reader.ReadVarInt();
        var kernelMmrSize = reader.ReadVarInt();
        // The body is three vectors (inputs, outputs, kernels): at least their three counts.
        if (reader.Remaining < 3) throw reader.Truncated(3);
        var bodySize = reader.Remaining;
        reader.ReadSpan(bodySize);
        return new MwebExtension
        {
            Present = true,
            Height = (int)height,
            OutputRoot = outputRoot,
            KernelRoot = kernelRoot,
            LeafsetRoot = leafsetRoot,
            OutputMmrSize = outputMmrSize,
            KernelMmrSize = kernelMmrSize,
            BodySize = bodySize,
            SerializedSize = reader.Position - start,
        };
    }

    /// <summary>Parses a block given as hex text (whitespace around it ignored).</summary>
    public static Block ParseHex(string hex) => ParseHex(hex, Network.Main);

    /// <summary>Parses a block of <paramref name="network"/>'s chain given as hex text.</summary>
    public static Block ParseHex(string hex, Network network)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Parse(HexText.Decode(hex.Trim(), "block hex"), network);
    }

    public byte[] Serialize()
    {
        var buffer = new byte[SerializedSize];
        Header.WriteTo(buffer);
        var writer = new ByteWriter(buffer.AsSpan(BlockHeader.Size));
        writer.WriteCompactSize((ulong)Transactions.Count);
        if (AuxPow is not null || Mweb is not null)
            throw new InvalidOperationException("blocks with an AuxPoW or MWEB extension are read, not re-serialised");
        foreach (var transaction in Transactions) transaction.WriteTo(ref writer, transaction.IsExtended);
        return buffer;
    }
}
