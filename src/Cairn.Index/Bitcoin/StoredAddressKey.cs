using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// How an <see cref="AddressKey"/> is stored in <c>addr_key.col</c>: 21 bytes instead of 33.
/// Key-hash, script-hash and witness-key-hash addresses (20-byte payloads, most of any chain)
/// fit whole: kind + 20 bytes. The kinds with 32-byte payloads keep their first 16 bytes here
/// and the id of a 16-byte row in <c>addr_key_tail.col</c> holding the other 16.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct StoredAddressKey
{
    public const int Size = 21;
    private const int HeadBytes = 16;

    public AddressKind Kind;
    private fixed byte _body[20];

    /// <summary>True for the kinds whose payload needs more than 20 bytes (a tail row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasTail(AddressKind kind) =>
        kind is AddressKind.WitnessScriptHash or AddressKind.Taproot or AddressKind.WitnessUnknown or AddressKind.RawScript;

    /// <summary>The stored form of <paramref name="key"/>; <paramref name="tailId"/> is used only when the kind has a tail.</summary>
    public static StoredAddressKey From(in AddressKey key, uint tailId)
    {
        var stored = default(StoredAddressKey);
        stored.Kind = key.Kind;
        var body = new Span<byte>(stored._body, 20);
        if (HasTail(key.Kind))
        {
            key.Payload[..HeadBytes].CopyTo(body);
            MemoryMarshal.Write(body[HeadBytes..], tailId);
        }
        else
        {
            key.Payload[..20].CopyTo(body);
        }
        return stored;
    }

    /// <summary>The last 16 payload bytes of a key with a tail.</summary>
    public static UInt128 TailOf(in AddressKey key) => MemoryMarshal.Read<UInt128>(key.Payload[HeadBytes..]);

    public readonly uint TailId
    {
        get
        {
            fixed (byte* body = _body) return MemoryMarshal.Read<uint>(new ReadOnlySpan<byte>(body + HeadBytes, 4));
        }
    }

    /// <summary>Rebuilds the full key, reading the tail row when the kind has one.</summary>
    public readonly AddressKey ToKey(Cairn.Index.Columns.MappedColumn<UInt128> tails)
    {
        Span<byte> payload = stackalloc byte[AddressKey.PayloadSize];
        payload.Clear();
        fixed (byte* body = _body)
        {
            if (HasTail(Kind))
            {
                new ReadOnlySpan<byte>(body, HeadBytes).CopyTo(payload);
                MemoryMarshal.Write(payload[HeadBytes..], tails[TailId]);
            }
            else
            {
                new ReadOnlySpan<byte>(body, 20).CopyTo(payload);
            }
        }
        return AddressKey.Create(Kind, payload);
    }

    /// <summary>True when this row stores <paramref name="key"/>; reads the tail row only when kind and head agree.</summary>
    public readonly bool Matches(in AddressKey key, Cairn.Index.Columns.MappedColumn<UInt128> tails)
    {
        if (Kind != key.Kind) return false;
        fixed (byte* body = _body)
        {
            if (!HasTail(Kind)) return new ReadOnlySpan<byte>(body, 20).SequenceEqual(key.Payload[..20]);
            return new ReadOnlySpan<byte>(body, HeadBytes).SequenceEqual(key.Payload[..HeadBytes]) && tails[TailId] == TailOf(key);
        }
    }
}
