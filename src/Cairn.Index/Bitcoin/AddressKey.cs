using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Columns;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// The fixed 33-byte identity of an address in the index: one kind byte and a 32-byte payload
/// (20-byte hashes are zero-padded). The address hash index hashes it and the address column
/// stores it packed (<see cref="StoredAddressKey"/>); strings are produced only for display.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public unsafe struct AddressKey : IEquatable<AddressKey>
{
    public const int Size = 33;
    public const int PayloadSize = 32;

    public AddressKind Kind;
    private fixed byte _payload[PayloadSize];

    public readonly ReadOnlySpan<byte> Payload
    {
        get
        {
            fixed (byte* p = _payload) return new ReadOnlySpan<byte>(p, PayloadSize);
        }
    }

    private Span<byte> WritablePayload
    {
        get
        {
            fixed (byte* p = _payload) return new Span<byte>(p, PayloadSize);
        }
    }

    public readonly ulong Hash()
    {
        var copy = this;
        return KeyHash.Of(new ReadOnlySpan<byte>(&copy, Size));
    }

    public readonly bool Equals(AddressKey other)
    {
        var left = this;
        return new ReadOnlySpan<byte>(&left, Size).SequenceEqual(new ReadOnlySpan<byte>(&other, Size));
    }

    public override readonly bool Equals(object? obj) => obj is AddressKey other && Equals(other);

    public override readonly int GetHashCode() => (int)Hash();

    public static bool operator ==(AddressKey left, AddressKey right) => left.Equals(right);

    public static bool operator !=(AddressKey left, AddressKey right) => !left.Equals(right);

    /// <summary>
    /// The address an output script pays to, or <see cref="AddressKind.None"/> for scripts that
    /// can never be spent (OP_RETURN). <paramref name="type"/> is the script's classification.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AddressKey FromScript(ReadOnlySpan<byte> script, ScriptType type)
    {
        var key = default(AddressKey);
        switch (type)
        {
            case ScriptType.P2PKH:
                key.Kind = AddressKind.PubKeyHash;
                script.Slice(3, 20).CopyTo(key.WritablePayload);
                break;
            case ScriptType.P2SH:
                key.Kind = AddressKind.ScriptHash;
                script.Slice(2, 20).CopyTo(key.WritablePayload);
                break;
            case ScriptType.P2WPKH:
                key.Kind = AddressKind.WitnessPubKeyHash;
                script.Slice(2, 20).CopyTo(key.WritablePayload);
                break;
            case ScriptType.P2WSH:
                key.Kind = AddressKind.WitnessScriptHash;
                script.Slice(2, 32).CopyTo(key.WritablePayload);
                break;
            case ScriptType.P2TR:
                key.Kind = AddressKind.Taproot;
                script.Slice(2, 32).CopyTo(key.WritablePayload);
                break;
            case ScriptType.P2PK:
                key.Kind = AddressKind.PubKeyHash;
                Hash160(script.Slice(1, script[0]), key.WritablePayload);
                break;
            case ScriptType.WitnessUnknown when script.Length - 2 <= PayloadSize - 2:
                key.Kind = AddressKind.WitnessUnknown;
                key.WritablePayload[0] = (byte)(script[0] - 0x50);
                key.WritablePayload[1] = (byte)(script.Length - 2);
                script[2..].CopyTo(key.WritablePayload[2..]);
                break;
            case ScriptType.NullData:
                break;
            default:
                key.Kind = AddressKind.RawScript;
                SHA256.HashData(script, key.WritablePayload);
                break;
        }
        return key;
    }

    /// <summary>A key from its kind and payload (at most <see cref="PayloadSize"/> bytes, zero-padded).</summary>
    internal static AddressKey Create(AddressKind kind, ReadOnlySpan<byte> payload)
    {
        var key = default(AddressKey);
        key.Kind = kind;
        payload.CopyTo(key.WritablePayload);
        return key;
    }

    /// <summary>Rebuilds the canonical output script for address kinds that have one (null for raw-script addresses).</summary>
    public readonly byte[]? ToScript()
    {
        var payload = Payload;
        return Kind switch
        {
            AddressKind.PubKeyHash => [0x76, 0xa9, 0x14, .. payload[..20], 0x88, 0xac],
            AddressKind.ScriptHash => [0xa9, 0x14, .. payload[..20], 0x87],
            AddressKind.WitnessPubKeyHash => [0x00, 0x14, .. payload[..20]],
            AddressKind.WitnessScriptHash => [0x00, 0x20, .. payload],
            AddressKind.Taproot => [0x51, 0x20, .. payload],
            AddressKind.WitnessUnknown => [(byte)(0x50 + payload[0]), payload[1], .. payload.Slice(2, payload[1])],
            _ => null,
        };
    }

    /// <summary>Display form: the standard address on <paramref name="network"/>, or <c>script:&lt;sha256 hex&gt;</c>.</summary>
    public readonly string ToDisplayString(Network network)
    {
        if (Kind == AddressKind.RawScript) return "script:" + Convert.ToHexStringLower(Payload);
        if (Kind == AddressKind.None) return "";
        // Straight from the payload, without rebuilding and re-classifying the script (a trace encodes every endpoint's address).
        var payload = Payload;
        var address = Kind switch
        {
            AddressKind.PubKeyHash => AddressCodec.FromProgram(ScriptType.P2PKH, -1, payload[..20], network),
            AddressKind.ScriptHash => AddressCodec.FromProgram(ScriptType.P2SH, -1, payload[..20], network),
            AddressKind.WitnessPubKeyHash => AddressCodec.FromProgram(ScriptType.P2WPKH, 0, payload[..20], network),
            AddressKind.WitnessScriptHash => AddressCodec.FromProgram(ScriptType.P2WSH, 0, payload, network),
            AddressKind.Taproot => AddressCodec.FromProgram(ScriptType.P2TR, 1, payload, network),
            AddressKind.WitnessUnknown => AddressCodec.FromProgram(ScriptType.WitnessUnknown, payload[0], payload.Slice(2, payload[1]), network),
            _ => null,
        };
        return address ?? "script:" + Convert.ToHexStringLower(SHA256.HashData(ToScript()!));
    }

    /// <summary>Parses a user-typed address (any standard form, or <c>script:HEX</c>) for <paramref name="network"/>.</summary>
    public static AddressKey Parse(string text, Network network)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("script:", StringComparison.OrdinalIgnoreCase))
        {
            var hex = trimmed["script:".Length..];
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
                throw new Cairn.Core.CairnException($"malformed address '{Cairn.Core.UserText.Quote(text)}': script: must be followed by 64 hex digits");
            var raw = default(AddressKey);
            raw.Kind = AddressKind.RawScript;
            Convert.FromHexString(hex).CopyTo(raw.WritablePayload);
            return raw;
        }
        var decoded = AddressCodec.Decode(trimmed, network);
        return FromScript(decoded.ScriptPubKey, ScriptClassifier.Classify(decoded.ScriptPubKey));
    }

    [SkipLocalsInit]
    private static void Hash160(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> sha = stackalloc byte[32];
        SHA256.HashData(data, sha);
        Ripemd160.Hash(sha, destination[..20]);
    }
}
