namespace Cairn.Tracing.Ethereum;

/// <summary>How taint in an account's balance is assigned to what it sends (exact rules in docs/ethereum.md).</summary>
public enum EthTaintModel
{
    /// <summary>First in, first out: each outgoing transfer spends the oldest received value first.</summary>
    Fifo,

    /// <summary>Every outgoing transfer carries the account's tainted fraction of its balance at that moment.</summary>
    Haircut,

    /// <summary>Once any taint arrives, every later outgoing transfer is tainted in full.</summary>
    Poison,
}
