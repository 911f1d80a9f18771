using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Tests.Heuristics;

/// <summary>
/// Transaction shapes from a lone real block: its prevouts are not at hand, so input values are
/// unknown and input addresses are recovered only where the spending data reveals the public key
/// (P2WPKH witness <c>[sig, pubkey]</c>: BIP-141; P2PKH scriptSig <c>&lt;sig&gt; &lt;pubkey&gt;</c>).
/// </summary>
internal static class RealBlockShapes
{
    public static Block Load(string path) => Block.Parse(File.ReadAllBytes(path));

    public static TransactionShape ShapeOf(Transaction tx) => new(
        [.. tx.Inputs.Select(InputOf)],
        [.. tx.Outputs.Select(o => new OutputShape(AddressCodec.FromScript(o.ScriptPubKey, Network.Main), o.ScriptType, o.Value))],
        tx.LockTime,
        tx.IsCoinbase);

    private static InputShape InputOf(TxIn input)
    {
        if (input.Witness.Count == 2 && input.Witness[1].Length == 33 && input.ScriptSig.Length == 0)
            return new InputShape(AddressCodec.FromScript([0x00, 0x14, .. Hash160(input.Witness[1])], Network.Main), ScriptType.P2WPKH, null);
        var pushes = Pushes(input.ScriptSig);
        if (pushes is [_, { Length: 33 or 65 } publicKey] && input.Witness.Count == 0)
            return new InputShape(AddressCodec.FromScript([0x76, 0xa9, 0x14, .. Hash160(publicKey), 0x88, 0xac], Network.Main), ScriptType.P2PKH, null);
        return new InputShape(null, ScriptType.NonStandard, null);
    }

    private static byte[] Hash160(byte[] data) => Ripemd160.Hash(SHA256.HashData(data));

    /// <summary>Direct pushes (opcodes 1–75) only; anything else gives no list.</summary>
    private static List<byte[]>? Pushes(byte[] script)
    {
        var pushes = new List<byte[]>();
        for (var i = 0; i < script.Length;)
        {
            int length = script[i];
            if (length is < 1 or > 75 || i + 1 + length > script.Length) return null;
            pushes.Add(script[(i + 1)..(i + 1 + length)]);
            i += 1 + length;
        }
        return pushes;
    }
}
