namespace Cairn.Intel.Addresses;

/// <summary>
/// The address space an address is matched in. EVM chains (ETH, ETC, BSC, ARB, token
/// contracts…) share one 20-byte space; Bitcoin-format addresses (BTC and the same strings
/// used by forks and layers such as BCH legacy or USDT on Omni) share another; anything else
/// is matched as written, per currency.
/// </summary>
public enum AddressFamily
{
    Bitcoin,
    Ethereum,
    Other,
}
