using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>An output script of a generated wallet: its type and the 20/32-byte program.</summary>
public readonly record struct SyntheticScript(ScriptType Type, byte[] Program)
{
    public static SyntheticScript Create(ScriptType type, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var program = new byte[type is ScriptType.P2WSH or ScriptType.P2TR ? 32 : 20];
        random.Fill(program);
        return new SyntheticScript(type, program);
    }

    public byte[] ScriptPubKey() => Type switch
    {
        ScriptType.P2PKH => [0x76, 0xa9, 0x14, .. Program, 0x88, 0xac],
        ScriptType.P2SH => [0xa9, 0x14, .. Program, 0x87],
        ScriptType.P2WPKH => [0x00, 0x14, .. Program],
        ScriptType.P2WSH => [0x00, 0x20, .. Program],
        ScriptType.P2TR => [0x51, 0x20, .. Program],
        _ => throw new InvalidOperationException($"no synthetic script for {Type}"),
    };

    /// <summary>Bytes a spend of this script adds: (scriptSig length, witness stack item lengths). Sizes of real signatures and keys.</summary>
    public (int ScriptSig, int[] Witness) SpendShape() => Type switch
    {
        ScriptType.P2PKH => (1 + 72 + 1 + 33, []),
        ScriptType.P2SH => (23, [72, 33]),          // P2SH-wrapped P2WPKH
        ScriptType.P2WPKH => (0, [72, 33]),
        ScriptType.P2WSH => (0, [0, 72, 72, 105]),  // 2-of-3 multisig
        ScriptType.P2TR => (0, [64]),               // key-path spend
        _ => (0, []),
    };
}
