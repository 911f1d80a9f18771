using System.Globalization;
using System.Text.Json;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// Reads a block in blockchain.info's old "rawblock" JSON (as kept in NBitcoin's test data,
/// <c>Block1.json</c>): outputs carry the value in BTC and the script in assembly, inputs their
/// scriptSig as space-separated hex pushes. The shapes are as a lone block gives them (see
/// <see cref="LoneBlockShapes"/>): P2PKH inputs show their address through the public key, values not.
/// Only P2PKH and P2SH output scripts are rebuilt; others have no address here.
/// </summary>
public static class BlockchainInfoBlock
{
    public static IReadOnlyList<ObservedTransaction> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var time = root.GetProperty("time").GetInt64();
        var network = Network.Main;
        var transactions = new List<ObservedTransaction>();
        foreach (var tx in root.GetProperty("tx").EnumerateArray())
        {
            var inputs = tx.GetProperty("in").EnumerateArray().ToList();
            var isCoinbase = inputs.Count == 1 && inputs[0].TryGetProperty("coinbase", out _);
            var inputShapes = isCoinbase ? [] : inputs.Select(i => InputOf(i, network)).ToList();
            var outputs = tx.GetProperty("out").EnumerateArray().Select(o =>
            {
                var script = ScriptOf(o.GetProperty("scriptPubKey").GetString()!);
                var value = decimal.Parse(o.GetProperty("value").GetString()!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                return new OutputShape(script is null ? null : AddressCodec.FromScript(script, network),
                    script is null ? ScriptType.NonStandard : ScriptClassifier.Classify(script), decimal.ToInt64(value * 100_000_000m));
            }).ToList();
            var lockTime = tx.GetProperty("lock_time").GetUInt32();
            transactions.Add(new ObservedTransaction(tx.GetProperty("hash").GetString()!, time, new TransactionShape(inputShapes, outputs, lockTime, isCoinbase)));
        }
        return transactions.Count > 0 ? transactions : throw new CairnException($"{path}: no transactions");
    }

    private static InputShape InputOf(JsonElement input, Network network)
    {
        var pushes = input.GetProperty("scriptSig").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (pushes.Length == 2 && pushes[1].Length is 66 or 130)
            return new InputShape(LoneBlockShapes.P2pkhOf(Convert.FromHexString(pushes[1]), network), ScriptType.P2PKH, null);
        return new InputShape(null, ScriptType.NonStandard, null);
    }

    /// <summary>The script of a P2PKH or P2SH assembly string; null for anything else.</summary>
    private static byte[]? ScriptOf(string assembly)
    {
        var tokens = assembly.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens switch
        {
            ["OP_DUP", "OP_HASH160", { Length: 40 } hash, "OP_EQUALVERIFY", "OP_CHECKSIG"] => [0x76, 0xa9, 0x14, .. Convert.FromHexString(hash), 0x88, 0xac],
            ["OP_HASH160", { Length: 40 } hash, "OP_EQUAL"] => [0xa9, 0x14, .. Convert.FromHexString(hash), 0x87],
            _ => null,
        };
    }
}
