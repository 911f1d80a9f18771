using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// A merged-mining proof (Namecoin's CAuxPow, used by Dogecoin since block 371,337): the parent
/// chain's coinbase transaction that commits to this block, the parent block hash, the branch
/// linking that coinbase to the parent's merkle root, the branch linking this chain's block hash
/// to the merged-mining root in the coinbase, and the parent block's 80-byte header. It follows
/// the 80-byte header when the version has the AuxPoW bit (0x100) set; the block's own hash is
/// still the double SHA-256 of its 80-byte header. The proof of work is not checked (it needs
/// scrypt and the parent's target, and Cairn reads chains from the user's own node).
/// </summary>
public sealed class AuxPow
{
    /// <summary>The version bit that announces an AuxPoW (Dogecoin's BLOCK_VERSION_AUXPOW).</summary>
    public const int VersionFlag = 0x100;

    private AuxPow(Transaction coinbase, Hash256 parentHashField, int coinbaseBranchLength, int coinbaseIndex, int chainBranchLength, int chainIndex, BlockHeader parentHeader, int serializedSize)
    {
        Coinbase = coinbase;
        ParentHashField = parentHashField;
        CoinbaseBranchLength = coinbaseBranchLength;
        CoinbaseIndex = coinbaseIndex;
        ChainBranchLength = chainBranchLength;
        ChainIndex = chainIndex;
        ParentHeader = parentHeader;
        SerializedSize = serializedSize;
    }

    /// <summary>The parent chain's coinbase transaction carrying the merged-mining commitment.</summary>
    public Transaction Coinbase { get; }

    /// <summary>The block hash field of the serialised merkle transaction (unused by consensus since the fork; often zero).</summary>
    public Hash256 ParentHashField { get; }

    public int CoinbaseBranchLength { get; }

    public int CoinbaseIndex { get; }

    public int ChainBranchLength { get; }

    public int ChainIndex { get; }

    public BlockHeader ParentHeader { get; }

    /// <summary>Hash of the parent block (the block that was actually mined).</summary>
    public Hash256 ParentBlockHash => ParentHeader.Hash;

    public int SerializedSize { get; }

    /// <summary>Whether <paramref name="version"/> announces an AuxPoW.</summary>
    public static bool IsFlagged(int version) => (version & VersionFlag) != 0;

    /// <summary>The merged-mining chain id in the version's upper 16 bits (Dogecoin: 0x62 = 98).</summary>
    public static int ChainIdOf(int version) => version >> 16;

    internal static AuxPow Read(ref ByteReader reader)
    {
        var start = reader.Position;
        reader.Context = "auxpow coinbase";
        // The parent coinbase is serialised without witness data (Dogecoin has no SegWit).
        var coinbase = TransactionParser.Read(ref reader, Network.DogecoinMain);
        reader.Context = "auxpow";
        var parentHash = reader.ReadHash();
        var coinbaseBranch = SkipBranch(ref reader, "coinbase merkle branch");
        var coinbaseIndex = reader.ReadInt32();
        var chainBranch = SkipBranch(ref reader, "chain merkle branch");
        var chainIndex = reader.ReadInt32();
        var parentHeader = BlockHeader.Read(ref reader);
        return new AuxPow(coinbase, parentHash, coinbaseBranch, coinbaseIndex, chainBranch, chainIndex, parentHeader, reader.Position - start);
    }

    private static int SkipBranch(ref ByteReader reader, string what)
    {
        var count = reader.ReadCount(what, Hash256.Size);
        reader.ReadSpan(count * Hash256.Size);
        return count;
    }
}
