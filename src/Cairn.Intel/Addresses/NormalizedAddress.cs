namespace Cairn.Intel.Addresses;

/// <summary>
/// The form an address is matched by: Bitcoin base58 as written, bech32 lower-case
/// (BIP-173 forbids mixed case, so case carries no information), EVM lower-case hex, anything
/// else trimmed but otherwise as written.
/// </summary>
public readonly record struct NormalizedAddress(AddressFamily Family, string Key)
{
    public override string ToString() => Key;
}
