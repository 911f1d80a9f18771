using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cairn.Index.Ethereum;

/// <summary>A 32-byte hash stored inline in a row.</summary>
[InlineArray(32)]
public struct Hash32
{
    private byte _element;

    public static Hash32 FromHex(string hex)
    {
        var hash = default(Hash32);
        Convert.FromHexString(hex.AsSpan(2)).CopyTo((Span<byte>)hash);
        return hash;
    }

    public readonly string ToHex() => "0x" + Convert.ToHexStringLower((ReadOnlySpan<byte>)this);
}

/// <summary>One row of <c>blocks.bin</c> (72 bytes; row n = block StartBlock + n). The counts are the
/// sizes of every other column before this block, so a rollback to a block truncates each column there.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct EthBlockRow
{
    public Hash32 Hash;
    public long Timestamp;
    public long FirstTransaction;
    public long FirstTransfer;
    public int FirstAddress;
    public int FirstToken;
    public long FirstWideValue;
}

/// <summary>One row of <c>txs.bin</c> (48 bytes; row = transaction id).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct EthTransactionRow
{
    public Hash32 Hash;
    public long BlockNumber;
    public int IndexInBlock;

    /// <summary>1 succeeded, 0 failed, 2 unknown (pre-Byzantium receipt without status).</summary>
    public byte Status;
    public byte Reserved0;
    public short Reserved1;
}

/// <summary>One row of <c>tokens.bin</c> (64 bytes; token id = row + 1, id 0 is ETH).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct EthTokenRow
{
    public AddressKey Contract;

    /// <summary>255 when the contract's decimals() could not be read.</summary>
    public byte Decimals;
    public byte SymbolLength;
    public Symbol32 Symbol;
    public Padding10 Reserved;
}

[InlineArray(32)]
public struct Symbol32
{
    private byte _element;
}

[InlineArray(10)]
public struct Padding10
{
    private byte _element;
}

/// <summary>One row of <c>wide.bin</c> (48 bytes): a 256-bit number that does not fit a transfer's 128-bit value column.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct EthWideValueRow
{
    public long TransferRow;

    /// <summary>0: the transfer's value (≥ 2^128); 1: the ERC-721 token id.</summary>
    public long Field;
    public Hash32 BigEndianValue;
}
