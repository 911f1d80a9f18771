using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// One network of a chain of the UTXO family (Bitcoin and the chains that kept its block and
/// transaction format): base58 version bytes, the bech32 human-readable part, the CashAddr prefix,
/// the message start ("magic") that frames every record in blk*.dat files, the genesis block hash,
/// and the rules where the chains' serialisations differ (SegWit, Litecoin's MWEB extension,
/// Dogecoin's AuxPoW headers). Every value comes from the chain's own chainparams.cpp; sources per
/// chain in docs/chains.md. Bitcoin's testnet3, testnet4 and signet share address formats; only the
/// magic and genesis differ.
/// </summary>
public sealed class Network
{
    private Network(string chain, string name, byte pubKeyHashPrefix, byte scriptHashPrefix, string bech32Hrp, uint magic, string genesisHash)
    {
        Chain = chain;
        Name = name;
        PubKeyHashPrefix = pubKeyHashPrefix;
        ScriptHashPrefix = scriptHashPrefix;
        Bech32Hrp = bech32Hrp;
        Magic = magic;
        GenesisHash = Hash256.Parse(genesisHash);
    }

    public static Network Main { get; } = new("btc", "main", 0x00, 0x05, "bc", 0xd9b4bef9, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");

    /// <summary>Testnet3.</summary>
    public static Network Test { get; } = new("btc", "test", 0x6f, 0xc4, "tb", 0x0709110b, "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943");

    /// <summary>Testnet4 (BIP94).</summary>
    public static Network TestNet4 { get; } = new("btc", "testnet4", 0x6f, 0xc4, "tb", 0x283f161c, "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043");

    /// <summary>The default signet (BIP325); custom signets have their own magic.</summary>
    public static Network Signet { get; } = new("btc", "signet", 0x6f, 0xc4, "tb", 0x40cf030a, "00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6");

    public static Network RegTest { get; } = new("btc", "regtest", 0x6f, 0xc4, "bcrt", 0xdab5bffa, "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");

    /// <summary>
    /// Litecoin mainnet (litecoin-project/litecoin src/chainparams.cpp): P2PKH 48 ("L…"), P2SH 50
    /// ("M…", SCRIPT_ADDRESS2) and the pre-2017 P2SH prefix 5 ("3…") still accepted, bech32 "ltc".
    /// Blocks from height 2,265,984 carry the MWEB extension (LIP-0002/0003).
    /// </summary>
    public static Network LitecoinMain { get; } = new("ltc", "ltc-main", 48, 50, "ltc", 0xdbb6c0fb, "12a765e31ffd4059bada1e25190f6e98c99d9714d334efa41a195a7e7e04bfe2")
    {
        LegacyScriptHashPrefix = 0x05,
        Mweb = true,
        MaxBlockSize = 8_000_000,
    };

    /// <summary>Litecoin testnet4 (the public test network where MWEB activated first).</summary>
    public static Network LitecoinTestNet4 { get; } = new("ltc", "ltc-testnet4", 111, 58, "tltc", 0xf1c8d2fd, "4966625a4b2851d9fdee139e56211a0d88575f59ed816ff5e6a63deb4e3e29a0")
    {
        LegacyScriptHashPrefix = 196,
        Mweb = true,
        MaxBlockSize = 8_000_000,
    };

    /// <summary>
    /// Bitcoin Cash mainnet (bitcoin-cash-node src/chainparams.cpp): Bitcoin's version bytes and
    /// genesis, CashAddr prefix "bitcoincash", no SegWit. Its block files keep Bitcoin's disk magic
    /// f9beb4d9 (the peer-to-peer magic changed to e3e1f3e8 at the 2017 fork, the files did not).
    /// Blocks above 1 MB are valid since the fork (32 MB from 2018, adaptive since 2024).
    /// </summary>
    public static Network BitcoinCashMain { get; } = new("bch", "bch-main", 0x00, 0x05, "", 0xd9b4bef9, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f")
    {
        CashAddrPrefix = "bitcoincash",
        SegWit = false,
        CashTokens = true,
        MaxBlockSize = 128 << 20,
    };

    /// <summary>
    /// Dogecoin mainnet (dogecoin/dogecoin src/chainparams.cpp, libdohj DogecoinMainNetParams):
    /// P2PKH 30 ("D…"), P2SH 22, magic c0c0c0c0, no SegWit; merge-mined blocks carry an AuxPoW
    /// proof after the header when the version's AuxPoW bit (0x100) is set.
    /// </summary>
    public static Network DogecoinMain { get; } = new("doge", "doge-main", 30, 22, "", 0xc0c0c0c0, "1a91e3dace36e2be3bf030a65679fe821aa1d6ef92e7c9902eb318182c355691")
    {
        SegWit = false,
        AuxPow = true,
    };

    /// <summary>Every known Bitcoin network, mainnet first; decoding without an expected network picks the first match.</summary>
    public static IReadOnlyList<Network> All { get; } = [Main, Test, TestNet4, Signet, RegTest];

    /// <summary>Every network of every UTXO chain Cairn reads, Bitcoin's first.</summary>
    public static IReadOnlyList<Network> Every { get; } = [.. All, LitecoinMain, LitecoinTestNet4, BitcoinCashMain, DogecoinMain];

    /// <summary>The chain id this network belongs to (btc, ltc, bch, doge: docs/chains.md).</summary>
    public string Chain { get; }

    /// <summary>Short name as used on the command line: Bitcoin's as Bitcoin Core's <c>-chain=</c>, other chains' prefixed with their id (ltc-main).</summary>
    public string Name { get; }

    public byte PubKeyHashPrefix { get; }

    /// <summary>The P2SH version byte addresses are written with.</summary>
    public byte ScriptHashPrefix { get; }

    /// <summary>A second P2SH version byte still accepted when reading (Litecoin's "3…" addresses from before 2017), or null.</summary>
    public byte? LegacyScriptHashPrefix { get; private init; }

    /// <summary>The bech32 human-readable part of segwit addresses; empty on chains without SegWit.</summary>
    public string Bech32Hrp { get; }

    /// <summary>The CashAddr prefix (Bitcoin Cash), or null on chains without CashAddr.</summary>
    public string? CashAddrPrefix { get; private init; }

    /// <summary>The four message-start bytes of blk*.dat records read as a little-endian integer (mainnet f9 be b4 d9 → 0xd9b4bef9).</summary>
    public uint Magic { get; }

    public Hash256 GenesisHash { get; }

    /// <summary>Whether transactions may use the BIP144 witness serialisation.</summary>
    public bool SegWit { get; private init; } = true;

    /// <summary>Litecoin: transactions may carry the MWEB flag (0x08) and blocks ending in a HogEx the MWEB extension (LIP-0002, LIP-0003).</summary>
    public bool Mweb { get; private init; }

    /// <summary>Dogecoin: headers whose version has bit 0x100 set are followed by an AuxPoW proof (merged mining).</summary>
    public bool AuxPow { get; private init; }

    /// <summary>Bitcoin Cash: an output's script field may start with a CashTokens prefix (0xef, CHIP-2022-02).</summary>
    public bool CashTokens { get; private init; }

    /// <summary>Largest block a block-file record may plausibly hold; a larger length is corruption.</summary>
    public int MaxBlockSize { get; private init; } = 4_000_000;

    /// <summary>Whether <paramref name="prefix"/> is one of this network's P2SH version bytes.</summary>
    public bool IsScriptHashPrefix(byte prefix) => prefix == ScriptHashPrefix || prefix == LegacyScriptHashPrefix;

    /// <summary>The networks of chain <paramref name="chain"/>, mainnet first.</summary>
    public static IReadOnlyList<Network> OfChain(string chain) => Every.Where(n => n.Chain == chain).ToList();

    /// <summary>
    /// Parses a network name: Bitcoin's main|test|testnet4|signet|regtest (also mainnet, testnet,
    /// testnet3), or another chain's full name (ltc-main, ltc-testnet4, bch-main, doge-main).
    /// </summary>
    public static Network Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        var other = Every.FirstOrDefault(n => n.Chain != "btc" && n.Name == key);
        if (other is not null) return other;
        return key switch
        {
            "main" or "mainnet" or "bitcoin" => Main,
            "test" or "testnet" or "testnet3" => Test,
            "testnet4" => TestNet4,
            "signet" => Signet,
            "regtest" => RegTest,
            _ => throw new CairnException($"unknown network '{name}': expected main, test, testnet4, signet or regtest"),
        };
    }

    /// <summary>
    /// Parses a network of chain <paramref name="chain"/> by its short name (main, testnet4…) or full
    /// name; Bitcoin's as <see cref="Parse(string)"/>.
    /// </summary>
    public static Network Parse(string name, string chain)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(chain);
        if (chain == "btc") return Parse(name);
        var key = name.Trim().ToLowerInvariant();
        if (key is "mainnet") key = "main";
        var networks = OfChain(chain);
        return networks.FirstOrDefault(n => n.Name == key || n.Name == $"{chain}-{key}")
            ?? throw new CairnException($"unknown network '{name}' for chain {chain}: expected {string.Join(" or ", networks.Select(n => n.Name[(chain.Length + 1)..]))}");
    }

    public override string ToString() => Name;
}
