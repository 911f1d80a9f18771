namespace Cairn.Development.Generation;

/// <summary>What the generator meant a transaction to be (ground truth for measuring the heuristics).</summary>
public enum GeneratedTransactionKind
{
    Coinbase,
    PoolPayout,
    RetailPayment,
    ExchangeDeposit,
    ExchangeSweep,
    ExchangeWithdrawal,
    Consolidation,

    /// <summary>A Wasabi 1-style equal-output CoinJoin (many participants, 0.1 BTC each plus their change).</summary>
    CoinJoin,

    /// <summary>A Whirlpool Tx0: one entrant's premix output, the coordinator fee and change (one owner, not a CoinJoin).</summary>
    WhirlpoolTx0,

    /// <summary>A Whirlpool 5×5 mix (five owners).</summary>
    WhirlpoolMix,

    /// <summary>The payment that funds a peel chain's owner.</summary>
    PeelChainFunding,

    /// <summary>One hop of a planted peel chain: one input, a peel and the change.</summary>
    PeelChainStep,

    /// <summary>A transaction of the planted ransomware case.</summary>
    Scenario,
}
