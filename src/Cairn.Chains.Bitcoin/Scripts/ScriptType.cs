namespace Cairn.Chains.Bitcoin;

/// <summary>
/// The standard output script templates of Bitcoin Core's Solver (script/solver.h), plus
/// <see cref="NonStandard"/> for everything else. Non-standard outputs are kept, never dropped.
/// The numeric values are stable: the chain index stores them in one byte.
/// </summary>
public enum ScriptType : byte
{
    NonStandard = 0,

    /// <summary>&lt;pubkey&gt; OP_CHECKSIG (early coinbases).</summary>
    P2PK = 1,

    /// <summary>OP_DUP OP_HASH160 &lt;20&gt; OP_EQUALVERIFY OP_CHECKSIG.</summary>
    P2PKH = 2,

    /// <summary>OP_HASH160 &lt;20&gt; OP_EQUAL (BIP16).</summary>
    P2SH = 3,

    /// <summary>OP_0 &lt;20&gt; (BIP141).</summary>
    P2WPKH = 4,

    /// <summary>OP_0 &lt;32&gt; (BIP141).</summary>
    P2WSH = 5,

    /// <summary>OP_1 &lt;32&gt; (BIP341).</summary>
    P2TR = 6,

    /// <summary>A witness program of a version or length not yet defined (BIP141/BIP350), e.g. OP_1 &lt;2&gt; anchors.</summary>
    WitnessUnknown = 7,

    /// <summary>Bare multisig: OP_m &lt;pubkey&gt;… OP_n OP_CHECKMULTISIG.</summary>
    Multisig = 8,

    /// <summary>OP_RETURN followed only by pushes: provably unspendable data carrier.</summary>
    NullData = 9,
}
