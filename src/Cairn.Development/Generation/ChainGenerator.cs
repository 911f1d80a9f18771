using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>
/// Generates a realistic, deterministic regtest chain as Bitcoin Core blk*.dat files: a
/// mining pool paying out to users, retail payments with change (fresh or reused addresses),
/// exchanges with deposit addresses swept into reused hot wallets and batched withdrawals,
/// consolidations, peel chains, Wasabi- and Whirlpool-style CoinJoins, and (optionally) a
/// planted ransomware case whose ground truth goes to scenario.json. Same options, same bytes.
/// </summary>
public sealed partial class ChainGenerator
{
    private const long Coin = 100_000_000;
    private const int Maturity = 10;

    // Regtest genesis: the mainnet genesis coinbase under regtest's time, bits and nonce.
    private const string GenesisCoinbaseHex =
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    private static readonly (ScriptType Type, double Share)[] ScriptMix =
    [
        (ScriptType.P2WPKH, 0.42), (ScriptType.P2PKH, 0.25), (ScriptType.P2SH, 0.15), (ScriptType.P2TR, 0.12), (ScriptType.P2WSH, 0.06),
    ];

    private readonly ChainGeneratorOptions _options;

    // 50 BTC per block of 50 transactions, scaled with block size: a synthetic chain with
    // big blocks would otherwise starve its economy into dust. Reward consensus is not modelled.
    private long _subsidy = 50 * Coin;
    private readonly DeterministicRandom _random;
    private readonly RawTransactionBuilder _builder;
    private readonly Network _network = Network.RegTest;
    private readonly List<Wallet> _users = [];
    private readonly List<Exchange> _exchanges = [];
    private readonly List<(Hash256 TxId, byte[] Bytes)> _blockTransactions = [];
    private readonly List<(Utxo Coin, int Height)> _immatureCoinbase = [];
    private readonly List<PeelChain> _peelChains = [];
    private Wallet _pool = null!;
    private int _height;
    private long _feesInBlock;
    private long _generated;

    public ChainGenerator(ChainGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = new DeterministicRandom(options.Seed);
        _builder = new RawTransactionBuilder(_random);
        Manifest = new ScenarioManifest { Seed = options.Seed };
    }

    public ScenarioManifest Manifest { get; }

    /// <summary>The answer key: owners of addresses, kind and change of every transaction, planted peel chains.</summary>
    public GenerationTruth Truth { get; } = new();

    /// <summary>What the transactions being built are meant to be (set by each kind of step before it spends).</summary>
    private GeneratedTransactionKind _kind;

    /// <summary>Total bytes of block files written (framing included).</summary>
    public long BytesWritten { get; private set; }

    public static ScenarioManifest Generate(ChainGeneratorOptions options, IProgress<double>? progress = null)
    {
        var generator = new ChainGenerator(options);
        generator.Truth.IsRecording = false;
        generator.Run(progress);
        return generator.Manifest;
    }

    /// <summary>As <see cref="Generate"/>, also returning the answer key the heuristics are measured against.</summary>
    public static (ScenarioManifest Manifest, GenerationTruth Truth) GenerateWithTruth(ChainGeneratorOptions options, IProgress<double>? progress = null)
    {
        var generator = new ChainGenerator(options);
        generator.Run(progress);
        return (generator.Manifest, generator.Truth);
    }

    private void Run(IProgress<double>? progress)
    {
        byte[]? xorKey = null;
        if (_options.Xor)
        {
            xorKey = new byte[8];
            _random.Fill(xorKey);
        }
        CreateActors();
        var perBlock = _options.TransactionsPerBlock > 0
            ? _options.TransactionsPerBlock
            : (int)Math.Clamp(_options.Transactions / 400, 20, 2500);
        _subsidy = 50 * Coin * Math.Max(1, perBlock / 50);
        var scenarioHeight = _options.RansomwareScenario ? Maturity + 2 + (int)(_options.Transactions / perBlock * 3 / 10) : int.MaxValue;
        using var writer = new BlockFileWriter(_options.OutputDirectory, _network.Magic, _options.MaxFileBytes, xorKey);

        var genesis = RawTransactionBuilder.AssembleBlock(default, 1296688602, 2, [(DoubleSha256.Compute(Convert.FromHexString(GenesisCoinbaseHex)), Convert.FromHexString(GenesisCoinbaseHex))], version: 1);
        writer.Write(genesis);
        var previous = DoubleSha256.Compute(genesis.AsSpan(0, 80));
        var time = 1_700_000_000u;
        _height = 1;
        RansomwarePlan? ransomware = null;
        while (_generated < _options.Transactions || (ransomware is not null && !ransomware.Done))
        {
            _blockTransactions.Clear();
            _feesInBlock = 0;
            _blockTransactions.Add(default); // coinbase placeholder, filled once fees are known
            MatureCoinbase();
            if (_height == scenarioHeight) ransomware = new RansomwarePlan(this);
            var target = _height <= Maturity ? 0 : perBlock;
            for (var i = 0; i < target && _generated < _options.Transactions; i++) GenerateOne();
            ransomware?.Step();
            var coinbaseScript = _pool.NextReceiveScript(_random);
            if (Truth.IsRecording) Truth.Owns(Display(coinbaseScript), _pool.Entity);
            var coinbase = _builder.BuildCoinbase(_height, _subsidy + _feesInBlock, coinbaseScript.ScriptPubKey());
            Truth.Transaction(coinbase.TxId, new TransactionTruth(GeneratedTransactionKind.Coinbase, GenerationTruth.NoOwner, null));
            _blockTransactions[0] = coinbase;
            _immatureCoinbase.Add((new Utxo(coinbase.TxId, 0, _subsidy + _feesInBlock, coinbaseScript), _height));
            time += (uint)_random.NextLong(300, 900);
            var block = RawTransactionBuilder.AssembleBlock(previous, time, (uint)_random.NextUInt64(), _blockTransactions);
            writer.Write(block);
            previous = DoubleSha256.Compute(block.AsSpan(0, 80));
            _height++;
            progress?.Report(Math.Min(1.0, (double)_generated / _options.Transactions));
        }
        Manifest.Blocks = _height;
        Manifest.Transactions = _generated;
        BytesWritten = writer.BytesWritten;
        Manifest.Save(Path.Combine(_options.OutputDirectory, ScenarioManifest.FileName));
    }

    private void MatureCoinbase()
    {
        for (var i = _immatureCoinbase.Count - 1; i >= 0; i--)
        {
            if (_height - _immatureCoinbase[i].Height < Maturity) continue;
            _pool.Coins.Add(_immatureCoinbase[i].Coin);
            _immatureCoinbase.RemoveAt(i);
        }
    }

    private void CreateActors()
    {
        var userCount = (int)Math.Clamp(_options.Transactions / 15, 500, 400_000);
        for (var i = 0; i < userCount; i++)
            _users.Add(Owned(new Wallet(PickScriptType(), reusesAddresses: _random.Chance(0.15), setsLockTime: _random.Chance(0.5))));
        _pool = Owned(new Wallet(ScriptType.P2WPKH, reusesAddresses: true, setsLockTime: false));
        AddActor("demo-pool", "Demo Mining Pool", "miner", ["US"], _pool, tagged: true);
        foreach (var (id, label, country) in new[]
        {
            ("northwind-exchange", "Northwind Exchange (fictional)", "DE"),
            ("kestrel-markets", "Kestrel Markets (fictional)", "FR"),
            ("lionsgate-digital", "Lionsgate Digital (fictional)", "SG"),
            ("ridgeway-bitcoin", "Ridgeway Bitcoin (fictional)", "US"),
        })
        {
            var hot = Owned(new Wallet(ScriptType.P2WPKH, reusesAddresses: true, setsLockTime: false));
            var exchange = new Exchange(id, hot);
            _exchanges.Add(exchange);
            AddActor(id, label, "exchange", [country], hot, tagged: true);
        }
    }

    private void AddActor(string id, string label, string category, string[] jurisdictions, Wallet wallet, bool tagged)
    {
        var actor = new GeneratedActor { Id = id, Label = label, Category = category, Jurisdictions = jurisdictions };
        wallet.Actor = actor;
        if (!tagged) return;
        var address = Display(wallet.NextReceiveScript(_random));
        Truth.Owns(address, wallet.Entity);
        actor.TaggedAddresses.Add(address);
        Manifest.Actors.Add(actor);
    }

    /// <summary>Gives <paramref name="wallet"/> an owner: <paramref name="entity"/>, or a new one.</summary>
    private Wallet Owned(Wallet wallet, int? entity = null)
    {
        wallet.Entity = entity ?? Truth.NewEntity();
        return wallet;
    }

    private ScriptType PickScriptType()
    {
        var roll = _random.NextDouble();
        foreach (var (type, share) in ScriptMix)
        {
            if (roll < share) return type;
            roll -= share;
        }
        return ScriptType.P2WPKH;
    }

    internal string Display(SyntheticScript script) => AddressCodec.FromScript(script.ScriptPubKey(), _network)!;

    private Wallet RandomUser() => _users[_random.Next(_users.Count)];
}
