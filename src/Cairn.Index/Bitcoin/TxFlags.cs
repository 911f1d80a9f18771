namespace Cairn.Index.Bitcoin;

/// <summary>Per-transaction facts the tracing heuristics need (one byte in the tx_flags column).</summary>
[Flags]
public enum TxFlags : byte
{
    None = 0,
    Coinbase = 1,

    /// <summary>Serialised with witness data (BIP144).</summary>
    SegWit = 2,

    /// <summary>Some input's nSequence is below 0xfffffffe: opts in to replacement (BIP125).</summary>
    SignalsReplaceByFee = 4,

    /// <summary>Transaction version 2 or higher (BIP68 relative locktime capable).</summary>
    Version2 = 8,

    /// <summary>nLockTime is non-zero (wallet fingerprint: anti fee-sniping in Core and others).</summary>
    HasLockTime = 16,

    /// <summary>Litecoin's HogEx (LIP-0002): moves coins into and out of MWEB; tracing through it would mix every MWEB coin.</summary>
    MwebHogEx = 32,
}
