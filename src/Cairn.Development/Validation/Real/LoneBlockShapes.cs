using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// Transaction shapes from a lone real block: its prevouts are not at hand, so input values are
/// unknown and input addresses are recovered only where the spending data reveals the public key
/// (P2WPKH witness <c>[sig, pubkey]</c>: BIP-141; P2PKH scriptSig <c>&lt;sig&gt; &lt;pubkey&gt;</c>).
/// </summary>
public static class LoneBlockShapes
{
    public static TransactionShape ShapeOf(Transaction tx, Network network)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(network);
        return new(
            [.. tx.Inputs.Select(i => InputOf(i, network))],
            [.. tx.Outputs.Select(o => new OutputShape(AddressCodec.FromScript(o.ScriptPubKey, network), o.ScriptType, o.Value))],
            tx.LockTime,
            tx.IsCoinbase);
    }

    /// <summary>Every transaction of a block, with its block time.</summary>
    public static IEnumerable<ObservedTransaction> Of(Block block, Network network)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Transactions.Select(t => new ObservedTransaction(t.TxId.ToString(), block.Header.Time, ShapeOf(t, network)));
    }

    /// <summary>The P2PKH address of a public key (33 or 65 bytes).</summary>
    public static string? P2pkhOf(byte[] publicKey, Network network) =>
        AddressCodec.FromScript([0x76, 0xa9, 0x14, .. Hash160(publicKey), 0x88, 0xac], network);

    /// <summary>An input as far as its own data tells: the address where the public key shows, no value.</summary>
    public static InputShape InputOf(TxIn input, Network network)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Witness.Count == 2 && input.Witness[1].Length == 33 && input.ScriptSig.Length == 0)
            return new InputShape(AddressCodec.FromScript([0x00, 0x14, .. Hash160(input.Witness[1])], network), ScriptType.P2WPKH, null);
        var pushes = Pushes(input.ScriptSig);
        if (pushes is [_, { Length: 33 or 65 } publicKey] && input.Witness.Count == 0)
            return new InputShape(P2pkhOf(publicKey, network), ScriptType.P2PKH, null);
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
