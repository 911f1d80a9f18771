using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>A block: header and transactions, as serialized in blk*.dat files and by <c>getblock &lt;hash&gt; 0</c>.</summary>
public sealed class Block
{
    public Block(BlockHeader header, IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(transactions);
        Header = header;
        Transactions = transactions;
        SerializedSize = BlockHeader.Size + CompactSize.SizeOf((ulong)transactions.Count) + transactions.Sum(t => t.SerializedSize);
    }

    public BlockHeader Header { get; }

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

    /// <summary>Parses one block; trailing bytes, truncation or malformed transactions throw <see cref="CairnException"/> naming the transaction and byte offset.</summary>
    public static Block Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ByteReader(bytes, "block header");
        var header = BlockHeader.Read(ref reader);
        reader.Context = "block";
        // Smallest transaction: 4 version + 1 input count + 1 output count + 4 lock time.
        var count = reader.ReadCount("transactions", 10);
        var transactions = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            reader.Context = $"transaction {i}";
            transactions[i] = TransactionParser.Read(ref reader);
        }
        if (reader.Remaining != 0)
            throw new CairnException($"malformed block at byte {reader.Position}: {reader.Remaining} unexpected bytes after transaction {count - 1}");
        return new Block(header, transactions);
    }

    /// <summary>Parses a block given as hex text (whitespace around it ignored).</summary>
    public static Block ParseHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Parse(HexText.Decode(hex.Trim(), "block hex"));
    }

    public byte[] Serialize()
    {
        var buffer = new byte[SerializedSize];
        Header.WriteTo(buffer);
        var writer = new ByteWriter(buffer.AsSpan(BlockHeader.Size));
        writer.WriteCompactSize((ulong)Transactions.Count);
        foreach (var transaction in Transactions) transaction.WriteTo(ref writer, transaction.HasWitness);
        return buffer;
    }
}
