namespace Cairn.Index.Bitcoin;

/// <summary>
/// What an index address stands for. Outputs are grouped under one address when the same
/// key or script controls them; the output's own script type is kept separately.
/// </summary>
public enum AddressKind : byte
{
    None = 0,

    /// <summary>20-byte key hash. P2PK outputs are filed here too, under HASH160 of their key,
    /// as block explorers do, so a key's P2PK and P2PKH coins form one address.</summary>
    PubKeyHash = 1,

    ScriptHash = 2,
    WitnessPubKeyHash = 3,
    WitnessScriptHash = 4,
    Taproot = 5,

    /// <summary>Witness versions 1–16 not otherwise known; payload = version, length, program (≤ 30 bytes).</summary>
    WitnessUnknown = 6,

    /// <summary>Any other script (bare multisig, non-standard, long witness programs): payload = SHA-256 of the script.</summary>
    RawScript = 7,
}
