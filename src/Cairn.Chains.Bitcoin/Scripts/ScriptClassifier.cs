using System.Runtime.CompilerServices;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Classifies a scriptPubKey by template, byte for byte as Bitcoin Core's Solver
/// (script/solver.cpp) does. Allocation-free: the chain index calls it for every output.
/// </summary>
public static class ScriptClassifier
{
    internal const byte OpFalse = 0x00;
    internal const byte OpPushData1 = 0x4c;
    internal const byte OpPushData2 = 0x4d;
    internal const byte OpPushData4 = 0x4e;
    internal const byte Op1 = 0x51;
    internal const byte Op16 = 0x60;
    internal const byte OpReturn = 0x6a;
    internal const byte OpDup = 0x76;
    internal const byte OpEqual = 0x87;
    internal const byte OpEqualVerify = 0x88;
    internal const byte OpHash160 = 0xa9;
    internal const byte OpCheckSig = 0xac;
    internal const byte OpCheckMultiSig = 0xae;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ScriptType Classify(ReadOnlySpan<byte> script)
    {
        switch (script.Length)
        {
            case 25 when script[0] == OpDup && script[1] == OpHash160 && script[2] == 20 && script[23] == OpEqualVerify && script[24] == OpCheckSig:
                return ScriptType.P2PKH;
            case 23 when script[0] == OpHash160 && script[1] == 20 && script[22] == OpEqual:
                return ScriptType.P2SH;
            case 0:
                return ScriptType.NonStandard;
        }

        if (TryGetWitnessProgram(script, out var version, out var program))
        {
            if (version == 0)
            {
                return program.Length switch
                {
                    20 => ScriptType.P2WPKH,
                    32 => ScriptType.P2WSH,
                    _ => ScriptType.NonStandard, // v0 programs of other sizes are invalid (BIP141)
                };
            }
            return version == 1 && program.Length == 32 ? ScriptType.P2TR : ScriptType.WitnessUnknown;
        }

        if (script[0] == OpReturn && IsPushOnly(script[1..])) return ScriptType.NullData;
        if (IsPayToPubKey(script)) return ScriptType.P2PK;
        if (IsMultisig(script)) return ScriptType.Multisig;
        return ScriptType.NonStandard;
    }

    /// <summary>
    /// BIP141: a scriptPubKey of 4 to 42 bytes made of a version opcode (OP_0, OP_1..OP_16)
    /// and one direct push of 2 to 40 bytes is a witness program.
    /// </summary>
    public static bool TryGetWitnessProgram(ReadOnlySpan<byte> script, out int version, out ReadOnlySpan<byte> program)
    {
        version = -1;
        program = default;
        if (script.Length < 4 || script.Length > 42) return false;
        if (script[0] != OpFalse && (script[0] < Op1 || script[0] > Op16)) return false;
        if (script[1] + 2 != script.Length) return false;
        version = script[0] == OpFalse ? 0 : script[0] - Op1 + 1;
        program = script[2..];
        return true;
    }

    /// <summary>
    /// The data the template commits to, for address encoding and index keys: the 20-byte hash
    /// (P2PKH, P2SH, P2WPKH), the 32-byte program (P2WSH, P2TR), the witness program
    /// (WitnessUnknown) or the public key (P2PK). Empty for the other types.
    /// </summary>
    public static ReadOnlySpan<byte> GetPayload(ReadOnlySpan<byte> script, ScriptType type) => type switch
    {
        ScriptType.P2PKH => script.Slice(3, 20),
        ScriptType.P2SH => script.Slice(2, 20),
        ScriptType.P2WPKH or ScriptType.P2WSH or ScriptType.P2TR or ScriptType.WitnessUnknown => script[2..],
        ScriptType.P2PK => script[1..^1],
        _ => default,
    };

    // Bitcoin Core's CPubKey::ValidSize: the first byte fixes the length (02/03 compressed, 04/06/07 uncompressed).
    internal static bool IsValidPubKeySize(ReadOnlySpan<byte> key) => key.Length switch
    {
        33 => key[0] is 0x02 or 0x03,
        65 => key[0] is 0x04 or 0x06 or 0x07,
        _ => false,
    };

    private static bool IsPayToPubKey(ReadOnlySpan<byte> script) =>
        (script.Length == 35 || script.Length == 67)
        && script[0] == script.Length - 2
        && script[^1] == OpCheckSig
        && IsValidPubKeySize(script[1..^1]);

    // Solver's MatchMultisig: OP_m, n direct pushes of valid public keys, OP_n, OP_CHECKMULTISIG with 1 <= m <= n <= 16.
    private static bool IsMultisig(ReadOnlySpan<byte> script)
    {
        if (script.Length < 3 || script[^1] != OpCheckMultiSig) return false;
        var required = SmallInteger(script[0]);
        var declared = SmallInteger(script[^2]);
        if (required < 1 || declared < required) return false;
        var position = 1;
        var keys = 0;
        var end = script.Length - 2;
        while (position < end)
        {
            var length = script[position];
            if (length is not (33 or 65) || position + 1 + length > end) return false;
            if (!IsValidPubKeySize(script.Slice(position + 1, length))) return false;
            position += 1 + length;
            keys++;
        }
        return keys == declared;
    }

    private static int SmallInteger(byte opcode) => opcode is >= Op1 and <= Op16 ? opcode - Op1 + 1 : -1;

    /// <summary>True when <paramref name="script"/> holds only push operations (Core's IsPushOnly; OP_1..OP_16 and OP_1NEGATE count as pushes).</summary>
    public static bool IsPushOnly(ReadOnlySpan<byte> script)
    {
        var position = 0;
        while (position < script.Length)
        {
            var opcode = script[position++];
            if (opcode > Op16) return false;
            int length;
            switch (opcode)
            {
                case < OpPushData1:
                    length = opcode;
                    break;
                case OpPushData1:
                    if (position + 1 > script.Length) return false;
                    length = script[position];
                    position += 1;
                    break;
                case OpPushData2:
                    if (position + 2 > script.Length) return false;
                    length = script[position] | (script[position + 1] << 8);
                    position += 2;
                    break;
                case OpPushData4:
                    if (position + 4 > script.Length) return false;
                    var length4 = (uint)(script[position] | (script[position + 1] << 8) | (script[position + 2] << 16) | (script[position + 3] << 24));
                    if (length4 > int.MaxValue) return false;
                    length = (int)length4;
                    position += 4;
                    break;
                default:
                    length = 0; // OP_1NEGATE, OP_RESERVED, OP_1..OP_16
                    break;
            }
            if (length > script.Length - position) return false;
            position += length;
        }
        return true;
    }
}
