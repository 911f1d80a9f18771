using System.Buffers.Binary;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Bitcoin Cash's CashTokens (CHIP-2022-02, activated May 2023): an output's script field may start
/// with token data, PREFIX_TOKEN 0xef, the 32-byte category id, a bitfield (0x40 has a commitment
/// length, 0x20 has an NFT, 0x10 has an amount, 0x80 reserved; the low nibble is the NFT capability
/// 0–2), then the commitment (a non-empty CompactSize-prefixed string; its maximum length is a
/// consensus rule that later upgrades raised, not a matter of parsing) and the fungible amount
/// (CompactSize 1 to 2^63−1) when flagged. The locking bytecode, which decides the address, is what
/// follows. A field whose prefix is not valid token data is all locking bytecode, as before the
/// upgrade.
/// </summary>
public static class TokenPrefix
{
    public const byte Marker = 0xef;

    private const byte Reserved = 0x80;
    private const byte HasCommitmentLength = 0x40;
    private const byte HasNft = 0x20;
    private const byte HasAmount = 0x10;

    /// <summary>The length of the token prefix at the start of <paramref name="field"/>, or 0 when it carries none (or an invalid one).</summary>
    public static int LengthOf(ReadOnlySpan<byte> field)
    {
        if (field.Length < 34 || field[0] != Marker) return 0;
        var bitfield = field[33];
        var capability = bitfield & 0x0f;
        if ((bitfield & Reserved) != 0 || capability > 2) return 0;
        var hasNft = (bitfield & HasNft) != 0;
        var hasAmount = (bitfield & HasAmount) != 0;
        var hasCommitment = (bitfield & HasCommitmentLength) != 0;
        if (!hasNft && !hasAmount) return 0;
        if (!hasNft && (capability != 0 || hasCommitment)) return 0;
        var position = 34;
        if (hasCommitment)
        {
            if (!TryReadCompactSize(field, ref position, out var length) || length == 0 || length > (ulong)(field.Length - position)) return 0;
            position += (int)length;
        }
        if (hasAmount && (!TryReadCompactSize(field, ref position, out var amount) || amount is 0 or > long.MaxValue)) return 0;
        return position;
    }

    /// <summary>The locking bytecode of an output's script field: after the token prefix when there is one.</summary>
    public static ReadOnlySpan<byte> LockingBytecode(ReadOnlySpan<byte> field) => field[LengthOf(field)..];

    /// <summary>A minimally encoded CompactSize (non-minimal encodings are invalid token data).</summary>
    private static bool TryReadCompactSize(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        if (position >= data.Length) return false;
        var first = data[position];
        int size = first switch { < 0xfd => 0, 0xfd => 2, 0xfe => 4, _ => 8 };
        if (position + 1 + size > data.Length) return false;
        var body = data.Slice(position + 1, size);
        value = size switch
        {
            0 => first,
            2 => BinaryPrimitives.ReadUInt16LittleEndian(body),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(body),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(body),
        };
        var minimal = size switch { 0 => true, 2 => value >= 0xfd, 4 => value > 0xffff, _ => value > 0xffffffff };
        position += 1 + size;
        return minimal;
    }
}
