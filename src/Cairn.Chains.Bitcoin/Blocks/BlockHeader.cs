namespace Cairn.Chains.Bitcoin;

/// <summary>The 80-byte block header; its double-SHA-256 is the block hash.</summary>
public sealed class BlockHeader
{
    public const int Size = 80;

    public BlockHeader(int version, Hash256 previousBlockHash, Hash256 merkleRoot, uint time, uint bits, uint nonce)
    {
        Version = version;
        PreviousBlockHash = previousBlockHash;
        MerkleRoot = merkleRoot;
        Time = time;
        Bits = bits;
        Nonce = nonce;
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        Hash = DoubleSha256.Compute(bytes);
    }

    public int Version { get; }

    public Hash256 PreviousBlockHash { get; }

    public Hash256 MerkleRoot { get; }

    /// <summary>Block time, seconds since the Unix epoch (miner-supplied).</summary>
    public uint Time { get; }

    /// <summary>Compact encoding of the proof-of-work target ("nBits").</summary>
    public uint Bits { get; }

    public uint Nonce { get; }

    public Hash256 Hash { get; }

    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeSeconds(Time);

    /// <summary>Parses the first 80 bytes of <paramref name="bytes"/>.</summary>
    public static BlockHeader Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ByteReader(bytes, "block header");
        return Read(ref reader);
    }

    internal static BlockHeader Read(ref ByteReader reader)
    {
        if (reader.Remaining < Size) throw reader.Truncated(Size);
        return new BlockHeader(reader.ReadInt32(), reader.ReadHash(), reader.ReadHash(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
    }

    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size) throw new ArgumentException($"a header needs {Size} bytes", nameof(destination));
        var writer = new ByteWriter(destination);
        writer.WriteInt32(Version);
        writer.WriteHash(PreviousBlockHash);
        writer.WriteHash(MerkleRoot);
        writer.WriteUInt32(Time);
        writer.WriteUInt32(Bits);
        writer.WriteUInt32(Nonce);
    }

    public byte[] Serialize()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Expected number of hashes to find this block: 2^256 / (target + 1), as Bitcoin Core's GetBlockProof.</summary>
    public System.Numerics.BigInteger Work => ProofOfWork.WorkFromBits(Bits);

}
