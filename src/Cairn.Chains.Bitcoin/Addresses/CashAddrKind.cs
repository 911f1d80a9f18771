namespace Cairn.Chains.Bitcoin;

/// <summary>The address types CashAddr encodes in its version byte (type bits; CHIP-2022-02 added the token-aware two).</summary>
public enum CashAddrKind
{
    PubKeyHash = 0,
    ScriptHash = 1,

    /// <summary>P2PKH that signals the wallet accepts CashTokens.</summary>
    TokenPubKeyHash = 2,

    /// <summary>P2SH that signals the wallet accepts CashTokens.</summary>
    TokenScriptHash = 3,
}
