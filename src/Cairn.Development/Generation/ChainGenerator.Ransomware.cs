using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>
/// The planted case (all fictional): a victim pays a DemoLocker ransom; the operator splits
/// it, sends one part through a Wasabi-style CoinJoin and on to an exchange in Singapore, and
/// peels the rest in small deposits to exchanges in Germany, France and Singapore.
/// </summary>
public sealed partial class ChainGenerator
{
    private sealed class RansomwarePlan
    {
        private readonly ChainGenerator _generator;
        private readonly Wallet _victim = new(ScriptType.P2WPKH, reusesAddresses: false, setsLockTime: true);
        private readonly Wallet _operator = new(ScriptType.P2WPKH, reusesAddresses: false, setsLockTime: false);
        private readonly Wallet _mixBranch = new(ScriptType.P2WPKH, reusesAddresses: false, setsLockTime: false);
        private readonly ScenarioManifest.RansomwareCase _case = new();
        private int _step;
        private int _peelHops;
        private List<Hash256>? _plantedChain;

        public RansomwarePlan(ChainGenerator generator)
        {
            _generator = generator;
            generator.Manifest.Ransomware = _case;
            generator.Owned(_victim);
            generator.Owned(_operator);
            generator.Owned(_mixBranch, _operator.Entity); // the operator's second wallet
        }

        public bool Done => _step > 4 && _peelHops >= 6;

        public void Step()
        {
            var g = _generator;
            g._kind = GeneratedTransactionKind.Scenario;
            switch (_step)
            {
                case 0:
                    Fund();
                    break;
                case 1:
                    var ransom = _operator.Coins[0];
                    g.Spend(_operator, [g.PayTo(_mixBranch, Coin)], coins: [ransom]);
                    _case.PeelChainTxIds.Add(g._blockTransactions[^1].TxId.ToString());
                    _plantedChain = g.Truth.NewPeelChain();
                    _plantedChain.Add(g._blockTransactions[^1].TxId);
                    break;
                case 2:
                    var mixed = g.CoinJoin(_mixBranch, _mixBranch.Coins[0]) ?? throw new InvalidOperationException("not enough CoinJoin participants for the scenario");
                    _case.CoinJoinTxId = mixed.ToString();
                    break;
                case 3:
                    var exchange = g._exchanges.Single(e => e.Id == "lionsgate-digital");
                    var coins = _mixBranch.Coins.ToList();
                    Deposit(exchange, coins.Sum(c => c.Value) - 20_000, _mixBranch, coins, noChange: true);
                    break;
                default:
                    if (_peelHops < 6) Peel();
                    break;
            }
            _step++;
        }

        private void Fund()
        {
            var g = _generator;
            _case.RansomAmountSat = 32 * Coin / 10;
            // The victim buys the ransom at a US exchange; any well-funded wallet stands in if its coins cannot cover it.
            var sources = g._exchanges.Where(e => e.Id == "ridgeway-bitcoin").Select(e => e.Hot).Append(g._pool).Concat(g._exchanges.Select(e => e.Hot));
            if (!sources.Any(source => g.Spend(source, [g.PayTo(_victim, _case.RansomAmountSat + 100_000)]) is not null))
                throw new InvalidOperationException("no wallet could fund the scenario's victim");
            var ransomPayment = g.PayTo(_operator, _case.RansomAmountSat);
            var txid = g.Spend(_victim, [ransomPayment], coins: [_victim.Coins[0]])
                ?? throw new InvalidOperationException("scenario ransom payment could not be built");
            _case.VictimAddress = g.Display(_victim.Coins.Count > 0 ? _victim.Coins[0].Script : ransomPayment.Script);
            _case.RansomAddress = g.Display(ransomPayment.Script);
            _case.RansomTxId = txid.ToString();
        }

        private void Peel()
        {
            var g = _generator;
            var coin = _operator.Coins[^1];
            var exchangeIds = new[] { "northwind-exchange", "kestrel-markets", "lionsgate-digital" };
            var exchange = g._exchanges.Single(e => e.Id == exchangeIds[_peelHops % 3]);
            var last = _peelHops == 5;
            var amount = last ? coin.Value - 30_000 : (25 + 4 * _peelHops) * Coin / 100;
            Deposit(exchange, amount, _operator, [coin], noChange: last);
            _case.PeelChainTxIds.Add(g._blockTransactions[^1].TxId.ToString());
            _plantedChain?.Add(g._blockTransactions[^1].TxId);
            _peelHops++;
        }

        private void Deposit(Exchange exchange, long amount, Wallet from, List<Utxo> coins, bool noChange = false)
        {
            var g = _generator;
            var payment = g.PayTo(exchange.Deposits, amount);
            var txid = g.Spend(from, [payment], coins: coins, noChange: noChange)
                ?? throw new InvalidOperationException("scenario deposit could not be built");
            _case.Deposits.Add(new ScenarioManifest.Deposit(exchange.Id, g.Display(payment.Script), txid.ToString(), amount));
        }
    }
}
