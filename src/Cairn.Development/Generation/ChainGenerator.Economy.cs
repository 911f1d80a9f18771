using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>The actors of the synthetic economy and how they pay each other.</summary>
public sealed partial class ChainGenerator
{
    private sealed record Utxo(Hash256 TxId, uint Vout, long Value, SyntheticScript Script);

    private sealed class Wallet(ScriptType type, bool reusesAddresses, bool setsLockTime)
    {
        private SyntheticScript? _reused;

        public List<Utxo> Coins { get; } = [];
        public ScriptType Type { get; } = type;
        public bool SetsLockTime { get; } = setsLockTime;
        public GeneratedActor? Actor { get; set; }

        /// <summary>The owner (ground truth): wallets of one user or one service share it.</summary>
        public int Entity { get; set; }

        public long Balance() => Coins.Sum(c => c.Value);

        public SyntheticScript NextReceiveScript(DeterministicRandom random)
        {
            if (reusesAddresses && _reused is { } reused) return reused;
            var script = SyntheticScript.Create(Type, random);
            if (reusesAddresses) _reused = script;
            return script;
        }
    }

    private sealed class Exchange(string id, Wallet hot)
    {
        public string Id { get; } = id;
        public Wallet Hot { get; } = hot;
        public Wallet Deposits { get; } = new(ScriptType.P2WPKH, reusesAddresses: false, setsLockTime: false) { Actor = hot.Actor, Entity = hot.Entity };
    }

    private sealed class PeelChain(Wallet owner, int hops)
    {
        public Wallet Owner { get; } = owner;
        public int HopsLeft { get; set; } = hops;

        /// <summary>The planted chain's hops so far (ground truth).</summary>
        public List<Hash256> Steps { get; set; } = [];
    }

    /// <summary>A payment to make: amount and the wallet (and script) that receives it.</summary>
    private readonly record struct Payment(long Amount, Wallet To, SyntheticScript Script);

    private SyntheticScript Receive(Wallet wallet)
    {
        var script = wallet.NextReceiveScript(_random);
        if (wallet.Actor is null && !Truth.IsRecording) return script; // encoding the address is only for the manifest and the answer key
        var address = Display(script);
        wallet.Actor?.AllAddresses.Add(address);
        Truth.Owns(address, wallet.Entity);
        return script;
    }

    private Payment PayTo(Wallet wallet, long amount) => new(amount, wallet, Receive(wallet));

    private long FeeRate() => Math.Clamp(_random.LogNormal(8, 0.8), 1, 300);

    /// <summary>
    /// Builds and records one transaction from <paramref name="from"/>: selects coins, pays the
    /// payments, returns change (to <paramref name="changeTo"/>, default the sender) unless it
    /// would be dust. Returns null, changing nothing, when the sender cannot afford it.
    /// </summary>
    private Hash256? Spend(Wallet from, IReadOnlyList<Payment> payments, Wallet? changeTo = null, IReadOnlyList<Utxo>? coins = null, bool noChange = false)
    {
        var needed = payments.Sum(p => p.Amount);
        var rate = FeeRate();
        var selected = coins?.ToList() ?? SelectCoins(from, needed + rate * 300);
        if (selected is null || selected.Count == 0) return null;
        var inputTotal = selected.Sum(c => c.Value);
        _builder.Clear();
        var coreLike = from.SetsLockTime;
        var version = coreLike || _random.Chance(0.5) ? 2 : 1;
        _builder.Version = version;
        _builder.LockTime = coreLike ? (uint)_height : 0;
        foreach (var coin in selected) _builder.AddInput(coin.TxId, coin.Vout, coin.Script, coreLike ? 0xfffffffdu : 0xffffffffu);
        foreach (var payment in payments) _builder.AddOutput(payment.Amount, payment.Script.ScriptPubKey());
        var changeWallet = changeTo ?? from;
        SyntheticScript? changeScript = noChange ? null : Receive(changeWallet);
        if (changeScript is { } provisional) _builder.AddOutput(0, provisional.ScriptPubKey());
        var fee = _builder.EstimateVirtualSize() * rate;
        var change = inputTotal - needed - fee;
        // Without change the fee is simply what is left over; it only has to be non-negative.
        if (noChange ? inputTotal - needed < 0 : change < 0) return null;
        if (changeScript is not null && change < 546)
        {
            _builder.Clear();
            return Spend(from, payments, changeTo, selected, noChange: true);
        }
        if (changeScript is not null)
        {
            // Rebuild with the real change value (outputs are value-first; the provisional 0 was a placeholder).
            _builder.Clear();
            _builder.Version = version;
            _builder.LockTime = coreLike ? (uint)_height : 0;
            foreach (var coin in selected) _builder.AddInput(coin.TxId, coin.Vout, coin.Script, coreLike ? 0xfffffffdu : 0xffffffffu);
            foreach (var payment in payments) _builder.AddOutput(payment.Amount, payment.Script.ScriptPubKey());
            _builder.AddOutput(change, changeScript.Value.ScriptPubKey());
        }
        var (txid, bytes) = _builder.Build();
        RemoveSpent(from.Coins, selected);
        for (var i = 0; i < payments.Count; i++)
            payments[i].To.Coins.Add(new Utxo(txid, (uint)i, payments[i].Amount, payments[i].Script));
        if (changeScript is { } finalChange)
            changeWallet.Coins.Add(new Utxo(txid, (uint)payments.Count, change, finalChange));
        _feesInBlock += noChange ? inputTotal - needed : fee;
        Truth.Transaction(txid, new TransactionTruth(_kind, from.Entity, changeScript is null ? null : payments.Count));
        _blockTransactions.Add((txid, bytes));
        _generated++;
        return txid;
    }

    /// <summary>
    /// Takes the spent coins out of the wallet, leaving the others in their order (the generated chain stays the same). Coins
    /// picked newest first are the list's tail, removed at once; a linear Remove per coin from the front made every spend of a
    /// wallet with many coins scan all of them (the 20 M scale run, issue 19).
    /// </summary>
    private static void RemoveSpent(List<Utxo> coins, List<Utxo> spent)
    {
        var tail = coins.Count - spent.Count;
        var isTail = tail >= 0;
        for (var i = 0; isTail && i < spent.Count; i++) isTail = ReferenceEquals(coins[coins.Count - 1 - i], spent[i]);
        if (isTail)
        {
            coins.RemoveRange(tail, spent.Count);
            return;
        }
        var gone = new HashSet<Utxo>(spent, ReferenceEqualityComparer.Instance);
        coins.RemoveAll(gone.Contains);
    }

    private List<Utxo>? SelectCoins(Wallet wallet, long target)
    {
        if (wallet.Coins.Count == 0) return null;
        var selected = new List<Utxo>();
        long total = 0;
        // Newest first, as many wallets do; capped so transactions stay realistic in size.
        for (var i = wallet.Coins.Count - 1; i >= 0 && total < target && selected.Count < 20; i--)
        {
            selected.Add(wallet.Coins[i]);
            total += wallet.Coins[i].Value;
        }
        if (total >= target) return selected;
        // Fall back to largest-first, as wallets do when their preferred selection falls short.
        selected.Clear();
        total = 0;
        foreach (var coin in wallet.Coins.OrderByDescending(c => c.Value).Take(20))
        {
            selected.Add(coin);
            total += coin.Value;
            if (total >= target) return selected;
        }
        return null;
    }

    private void GenerateOne()
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var roll = _random.NextDouble();
            var made = roll switch
            {
                < 0.07 => PoolPayout(),
                < 0.42 => RetailPayment(),
                < 0.57 => ExchangeDeposit(),
                < 0.63 => ExchangeSweep(),
                < 0.72 => ExchangeWithdrawal(),
                < 0.79 => Consolidation(),
                < 0.805 => CoinJoin(),
                < 0.81 => Whirlpool(),
                < 0.83 => StartPeelChain(),
                _ => StepPeelChain() || RetailPayment(),
            };
            if (made) return;
        }
        PoolPayout();
    }

    private bool PoolPayout()
    {
        _kind = GeneratedTransactionKind.PoolPayout;
        if (_pool.Balance() < Coin) return false;
        var count = _random.Next(90) + 10;
        var payments = new List<Payment>(count);
        for (var i = 0; i < count; i++) payments.Add(PayTo(RandomUser(), _random.LogNormal(Coin / 20, 1.0)));
        return Spend(_pool, payments) is not null;
    }

    private bool RetailPayment()
    {
        _kind = GeneratedTransactionKind.RetailPayment;
        var from = RandomUser();
        var balance = from.Balance();
        if (balance < 20_000) return false;
        var amount = Math.Min(_random.LogNormal(Coin / 200, 1.5), balance / 2);
        if (_random.Chance(0.2)) amount = RoundAmount(amount);
        return Spend(from, [PayTo(RandomUser(), Math.Max(amount, 1000))]) is not null;
    }

    private static long RoundAmount(long amount)
    {
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(Math.Max(amount, 10))));
        return Math.Max(magnitude, amount / magnitude * magnitude);
    }

    private bool ExchangeDeposit()
    {
        _kind = GeneratedTransactionKind.ExchangeDeposit;
        var from = RandomUser();
        var balance = from.Balance();
        if (balance < 100_000) return false;
        var exchange = _exchanges[_random.Next(_exchanges.Count)];
        var amount = Math.Max(10_000, balance * (_random.Next(60) + 20) / 100);
        return Spend(from, [PayTo(exchange.Deposits, amount)]) is not null;
    }

    private bool ExchangeSweep()
    {
        _kind = GeneratedTransactionKind.ExchangeSweep;
        var exchange = _exchanges.Where(e => e.Deposits.Coins.Count >= 5).OrderBy(_ => _random.NextUInt64()).FirstOrDefault();
        if (exchange is null) return false;
        var coins = exchange.Deposits.Coins.Take(50).ToList();
        // Sweeps often co-spend a hot-wallet coin (consolidation), which is what lets the
        // multi-input heuristic tie deposit addresses to the exchange's tagged hot wallet.
        var hotCoin = exchange.Hot.Coins.Count > 0 && _random.Chance(0.8) ? exchange.Hot.Coins[^1] : null;
        if (hotCoin is not null)
        {
            exchange.Hot.Coins.Remove(hotCoin);
            exchange.Deposits.Coins.Add(hotCoin);
            coins.Add(hotCoin);
        }
        var total = coins.Sum(c => c.Value);
        var payment = PayTo(exchange.Hot, total - 400 * coins.Count * 10);
        if (payment.Amount <= 0 || Spend(exchange.Deposits, [payment], exchange.Hot, coins, noChange: true) is null)
        {
            if (hotCoin is not null)
            {
                exchange.Deposits.Coins.Remove(hotCoin);
                exchange.Hot.Coins.Add(hotCoin);
            }
            return false;
        }
        return true;
    }

    private bool ExchangeWithdrawal()
    {
        _kind = GeneratedTransactionKind.ExchangeWithdrawal;
        var exchange = _exchanges[_random.Next(_exchanges.Count)];
        if (exchange.Hot.Balance() < Coin / 10) return false;
        var count = _random.Next(20) + 1;
        var payments = new List<Payment>(count);
        for (var i = 0; i < count; i++) payments.Add(PayTo(RandomUser(), _random.LogNormal(Coin / 50, 1.2)));
        return Spend(exchange.Hot, payments) is not null;
    }

    private bool Consolidation()
    {
        _kind = GeneratedTransactionKind.Consolidation;
        var wallet = RandomUser();
        if (wallet.Coins.Count < 3) return false;
        var coins = wallet.Coins.Take(Math.Min(wallet.Coins.Count, 12)).ToList();
        var total = coins.Sum(c => c.Value);
        if (total < 50_000) return false;
        return Spend(wallet, [PayTo(wallet, total - 200 * coins.Count * 8)], coins: coins, noChange: true) is not null;
    }

    private bool StartPeelChain()
    {
        _kind = GeneratedTransactionKind.PeelChainFunding;
        var source = _random.Chance(0.5) ? _pool : _exchanges[_random.Next(_exchanges.Count)].Hot;
        if (source.Balance() < 5 * Coin) return false;
        var chain = new PeelChain(Owned(new Wallet(ScriptType.P2WPKH, reusesAddresses: false, setsLockTime: false)), _random.Next(15) + 5);
        if (Spend(source, [PayTo(chain.Owner, (_random.Next(20) + 3) * Coin)]) is null) return false;
        chain.Steps = Truth.NewPeelChain();
        _peelChains.Add(chain);
        return true;
    }

    private bool StepPeelChain()
    {
        _kind = GeneratedTransactionKind.PeelChainStep;
        if (_peelChains.Count == 0) return false;
        var chain = _peelChains[_random.Next(_peelChains.Count)];
        if (chain.Owner.Coins.Count == 0) return false;
        var coin = chain.Owner.Coins[^1];
        var peel = Math.Min(coin.Value / 3, _random.LogNormal(Coin / 10, 0.8));
        var recipient = _random.Chance(0.4) ? _exchanges[_random.Next(_exchanges.Count)].Deposits : RandomUser();
        if (Spend(chain.Owner, [PayTo(recipient, peel)], coins: [coin]) is not { } step) return false;
        chain.Steps.Add(step);
        if (--chain.HopsLeft <= 0) _peelChains.Remove(chain);
        return true;
    }
}
