using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// The names Cairn prints and accepts for script types (JSON <c>script_type</c>, CLI):
/// p2pk, p2pkh, p2sh, p2wpkh, p2wsh, p2tr, witness_unknown, multisig, nulldata, nonstandard.
/// </summary>
public static class ScriptTypeNames
{
    public static string Name(ScriptType type) => type switch
    {
        ScriptType.P2PK => "p2pk",
        ScriptType.P2PKH => "p2pkh",
        ScriptType.P2SH => "p2sh",
        ScriptType.P2WPKH => "p2wpkh",
        ScriptType.P2WSH => "p2wsh",
        ScriptType.P2TR => "p2tr",
        ScriptType.WitnessUnknown => "witness_unknown",
        ScriptType.Multisig => "multisig",
        ScriptType.NullData => "nulldata",
        _ => "nonstandard",
    };

    public static ScriptType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var type in Enum.GetValues<ScriptType>())
        {
            if (string.Equals(Name(type), name.Trim(), StringComparison.OrdinalIgnoreCase)) return type;
        }
        throw new CairnException($"unknown script type '{name}': expected one of {string.Join(", ", Enum.GetValues<ScriptType>().Select(Name))}");
    }
}
