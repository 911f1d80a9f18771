using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>CoinJoins as the real coordinators build them (the patterns the tracing heuristics look for).</summary>
public sealed partial class ChainGenerator
{
    internal const long WasabiDenomination = 10_000_000;  // 0.1 BTC, Wasabi 1.x base denomination
    internal const long WhirlpoolPool = 5_000_000;        // 0.05 BTC, a Whirlpool pool size

    /// <summary>
    /// Wasabi 1.x style: many participants, one equal 0.1 BTC output each plus their own change.
    /// <paramref name="extra"/> joins a chosen wallet (the planted ransomware case).
    /// </summary>
    private Hash256? CoinJoin(Wallet? extra = null, Utxo? extraCoin = null)
    {
        var participants = new List<(Wallet Wallet, Utxo Coin)>();
        if (extra is not null && extraCoin is not null) participants.Add((extra, extraCoin));
        var wanted = _random.Next(20) + 10;
        for (var tries = 0; tries < wanted * 4 && participants.Count < wanted; tries++)
        {
            var user = RandomUser();
            var coin = user.Coins.LastOrDefault(c => c.Value > WasabiDenomination + 50_000);
            if (coin is not null && participants.All(p => p.Wallet != user)) participants.Add((user, coin));
        }
        if (participants.Count < 5) return null;
        var rate = FeeRate();
        var feeShare = 200 * rate; // each participant pays for about one input and two outputs
        _builder.Clear();
        _builder.Version = 1;
        foreach (var (_, coin) in participants.OrderBy(_ => _random.NextUInt64()))
            _builder.AddInput(coin.TxId, coin.Vout, coin.Script, 0xffffffff);
        var outputs = new List<(Wallet Wallet, long Value, SyntheticScript Script)>();
        foreach (var (wallet, _) in participants) outputs.Add((wallet, WasabiDenomination, Receive(wallet)));
        foreach (var (wallet, coin) in participants)
        {
            var change = coin.Value - WasabiDenomination - feeShare;
            if (change >= 546) outputs.Add((wallet, change, Receive(wallet)));
        }
        foreach (var output in outputs) _builder.AddOutput(output.Value, output.Script.ScriptPubKey());
        var (txid, bytes) = _builder.Build();
        foreach (var (wallet, coin) in participants) wallet.Coins.Remove(coin);
        for (var i = 0; i < outputs.Count; i++) outputs[i].Wallet.Coins.Add(new Utxo(txid, (uint)i, outputs[i].Value, outputs[i].Script));
        _feesInBlock += participants.Sum(p => p.Coin.Value) - outputs.Sum(o => o.Value);
        Truth.Transaction(txid, new TransactionTruth(GeneratedTransactionKind.CoinJoin, GenerationTruth.MultipleOwners, null));
        _blockTransactions.Add((txid, bytes));
        _generated++;
        return txid;
    }

    private bool CoinJoin() => CoinJoin(null, null) is not null;

    /// <summary>
    /// Whirlpool: each entrant first makes a Tx0 (premix output = pool + miner-fee allowance,
    /// a coordinator fee output, change), then five premix outputs mix into five equal outputs.
    /// </summary>
    private bool Whirlpool()
    {
        _kind = GeneratedTransactionKind.WhirlpoolTx0;
        var premix = new List<(Wallet Wallet, Utxo Coin)>();
        var coordinator = _exchanges[0].Deposits; // fee destination; any fixed wallet will do
        for (var tries = 0; tries < 40 && premix.Count < 5; tries++)
        {
            var user = RandomUser();
            if (user.Balance() < WhirlpoolPool * 2 || premix.Any(p => p.Wallet == user)) continue;
            var premixWallet = Owned(new Wallet(ScriptType.P2WPKH, reusesAddresses: false, setsLockTime: false), user.Entity);
            var txid = Spend(user, [PayTo(premixWallet, WhirlpoolPool + 1_000), PayTo(coordinator, WhirlpoolPool / 20)]);
            if (txid is null) continue;
            premix.Add((user, premixWallet.Coins[0]));
        }
        if (premix.Count < 5) return premix.Count > 0;
        _builder.Clear();
        _builder.Version = 1;
        foreach (var (_, coin) in premix) _builder.AddInput(coin.TxId, coin.Vout, coin.Script, 0xffffffff);
        var outputs = premix.Select(p => (p.Wallet, Script: Receive(p.Wallet))).ToList();
        foreach (var output in outputs) _builder.AddOutput(WhirlpoolPool, output.Script.ScriptPubKey());
        var (mixTxId, bytes) = _builder.Build();
        for (var i = 0; i < outputs.Count; i++) outputs[i].Wallet.Coins.Add(new Utxo(mixTxId, (uint)i, WhirlpoolPool, outputs[i].Script));
        _feesInBlock += premix.Sum(p => p.Coin.Value) - 5 * WhirlpoolPool;
        Truth.Transaction(mixTxId, new TransactionTruth(GeneratedTransactionKind.WhirlpoolMix, GenerationTruth.MultipleOwners, null));
        _blockTransactions.Add((mixTxId, bytes));
        _generated++;
        return true;
    }
}
