namespace Cairn.Chains.Bitcoin;

/// <summary>
/// What an address string means: its network, script type and the scriptPubKey it pays to.
/// Base58 testnet-family prefixes and the "tb" prefix are shared by testnet3, testnet4 and
/// signet (and base58 also by regtest); <see cref="Network"/> is then the expected network
/// if one was given, else the first in <see cref="Network.All"/> order, and
/// <see cref="CompatibleNetworks"/> lists every network the address is valid on.
/// </summary>
public sealed class DecodedAddress
{
    public DecodedAddress(string address, Network network, IReadOnlyList<Network> compatibleNetworks, ScriptType type, byte[] scriptPubKey, int witnessVersion)
    {
        Address = address;
        Network = network;
        CompatibleNetworks = compatibleNetworks;
        Type = type;
        ScriptPubKey = scriptPubKey;
        WitnessVersion = witnessVersion;
    }

    public string Address { get; }

    public Network Network { get; }

    public IReadOnlyList<Network> CompatibleNetworks { get; }

    public ScriptType Type { get; }

    public byte[] ScriptPubKey { get; }

    /// <summary>Witness version 0..16 for segwit addresses, -1 for base58 ones.</summary>
    public int WitnessVersion { get; }
}
