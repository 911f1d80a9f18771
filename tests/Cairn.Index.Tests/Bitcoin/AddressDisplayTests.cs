using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// An address key is displayed straight from its payload for the common kinds; the text must be what the address codec gives
/// for the key's canonical script, on every network of every UTXO chain (CashAddr on Bitcoin Cash, no bech32 on Dogecoin).
/// </summary>
public sealed class AddressDisplayTests
{
    public static TheoryData<string> Networks() => new(Network.Every.Select(n => n.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void EveryKind_DisplaysAsTheCodecFormatsItsScript(string networkName)
    {
        var network = Network.Every.Single(n => n.Name == networkName);
        var random = new Random(19);
        var kinds = 0;
        for (var round = 0; round < 400; round++)
        {
            var hash20 = new byte[20];
            var hash32 = new byte[32];
            random.NextBytes(hash20);
            random.NextBytes(hash32);
            // Leading zero bytes make Base58 '1's: some payloads start with them.
            if (round % 5 == 0) Array.Clear(hash20, 0, round % 3 + 1);
            byte[][] scripts =
            [
                [0x76, 0xa9, 0x14, .. hash20, 0x88, 0xac],
                [0xa9, 0x14, .. hash20, 0x87],
                [0x00, 0x14, .. hash20],
                [0x00, 0x20, .. hash32],
                [0x51, 0x20, .. hash32],
                [0x52, 0x10, .. hash20[..16]],
            ];
            foreach (var script in scripts)
            {
                var key = AddressKey.FromScript(script, ScriptClassifier.Classify(script));
                var expected = AddressCodec.FromScript(key.ToScript()!, network) ?? "script:" + Convert.ToHexStringLower(SHA256.HashData(key.ToScript()!));
                Assert.True(expected == key.ToDisplayString(network), $"{network.Name} {key.Kind} {Convert.ToHexString(script)}");
                kinds++;
            }
        }
        Assert.Equal(400 * 6, kinds);
    }
}
