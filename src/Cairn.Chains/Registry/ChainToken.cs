namespace Cairn.Chains;

/// <summary>
/// A token investigators meet on a chain, with its contract and where that contract comes from.
/// <paramref name="Issuer"/> is true when the contract is the issuer's own deployment (listed on the
/// issuer's page), false for bridged or pegged tokens issued by someone else under the same symbol.
/// </summary>
public sealed record ChainToken(string Symbol, string Contract, int Decimals, bool Issuer, string Source);
