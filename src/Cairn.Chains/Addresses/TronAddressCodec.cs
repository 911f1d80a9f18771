namespace Cairn.Chains;

/// <summary>Tron addresses (<see cref="TronAddress"/>); the key is the Base58Check form, whichever form was given.</summary>
public sealed class TronAddressCodec : IChainAddressCodec
{
    public static TronAddressCodec Instance { get; } = new();

    public bool TryNormalize(string address, out string key, out string error)
    {
        key = "";
        if (!TronAddress.TryDecode(address, out var account, out error)) return false;
        key = TronAddress.FromAccount(account);
        return true;
    }
}
