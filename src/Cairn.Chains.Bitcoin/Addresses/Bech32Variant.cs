namespace Cairn.Chains.Bitcoin;

/// <summary>The two checksum constants: BIP173 bech32 (witness v0) and BIP350 bech32m (witness v1+).</summary>
public enum Bech32Variant
{
    Bech32 = 1,
    Bech32m = 2,
}
