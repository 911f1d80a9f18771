using Cairn.Chains.Bitcoin;

namespace Cairn.Workspace.Chain;

/// <summary>A decoded Bitcoin address: its type, network (and the other networks it is valid on), witness version and output script.</summary>
public sealed record AddressDecoding(string Address, bool Valid, string Type, string Network, IReadOnlyList<string> CompatibleNetworks, int? WitnessVersion, string ScriptHex)
{
    /// <summary>Decodes <paramref name="address"/> (base58check or bech32/bech32m), refusing it when <paramref name="expected"/> is given and it is not for that network.</summary>
    public static AddressDecoding Of(string address, Network? expected)
    {
        var decoded = AddressCodec.Decode(address, expected);
        return new AddressDecoding(decoded.Address, true, ScriptTypeNames.Name(decoded.Type), decoded.Network.Name, decoded.CompatibleNetworks.Select(n => n.Name).ToArray(),
            decoded.WitnessVersion >= 0 ? decoded.WitnessVersion : null, Convert.ToHexStringLower(decoded.ScriptPubKey));
    }
}
