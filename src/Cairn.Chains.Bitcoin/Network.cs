using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Per-network constants from Bitcoin Core's chainparams.cpp: base58 version bytes
/// (PUBKEY_ADDRESS, SCRIPT_ADDRESS), the bech32 human-readable part, the message start
/// ("magic") that frames every record in blk*.dat files, and the genesis block hash.
/// Testnet3, testnet4 and signet share address formats; only the magic and genesis differ.
/// </summary>
public sealed class Network
{
    private Network(string name, byte pubKeyHashPrefix, byte scriptHashPrefix, string bech32Hrp, uint magic, string genesisHash)
    {
        Name = name;
        PubKeyHashPrefix = pubKeyHashPrefix;
        ScriptHashPrefix = scriptHashPrefix;
        Bech32Hrp = bech32Hrp;
        Magic = magic;
        GenesisHash = Hash256.Parse(genesisHash);
    }

    public static Network Main { get; } = new("main", 0x00, 0x05, "bc", 0xd9b4bef9, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");

    /// <summary>Testnet3.</summary>
    public static Network Test { get; } = new("test", 0x6f, 0xc4, "tb", 0x0709110b, "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943");

    /// <summary>Testnet4 (BIP94).</summary>
    public static Network TestNet4 { get; } = new("testnet4", 0x6f, 0xc4, "tb", 0x283f161c, "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043");

    /// <summary>The default signet (BIP325); custom signets have their own magic.</summary>
    public static Network Signet { get; } = new("signet", 0x6f, 0xc4, "tb", 0x40cf030a, "00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6");

    public static Network RegTest { get; } = new("regtest", 0x6f, 0xc4, "bcrt", 0xdab5bffa, "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");

    /// <summary>Every known network, mainnet first; decoding without an expected network picks the first match.</summary>
    public static IReadOnlyList<Network> All { get; } = [Main, Test, TestNet4, Signet, RegTest];

    /// <summary>Short name as used on the command line and by Bitcoin Core's <c>-chain=</c>.</summary>
    public string Name { get; }

    public byte PubKeyHashPrefix { get; }

    public byte ScriptHashPrefix { get; }

    public string Bech32Hrp { get; }

    /// <summary>The four message-start bytes read as a little-endian integer (mainnet f9 be b4 d9 → 0xd9b4bef9).</summary>
    public uint Magic { get; }

    public Hash256 GenesisHash { get; }

    /// <summary>Parses a network name: main|test|testnet4|signet|regtest (also mainnet, testnet, testnet3).</summary>
    public static Network Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "main" or "mainnet" or "bitcoin" => Main,
            "test" or "testnet" or "testnet3" => Test,
            "testnet4" => TestNet4,
            "signet" => Signet,
            "regtest" => RegTest,
            _ => throw new CairnException($"unknown network '{name}': expected main, test, testnet4, signet or regtest"),
        };
    }

    public override string ToString() => Name;
}
