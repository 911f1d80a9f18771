using System.Numerics;
using Cairn.Core;

namespace Cairn.Cases.Ledger;

/// <summary>
/// Decimals of an asset, for the human amount shown beside the exact base units: the native coins are
/// known (BTC 8: satoshi; ETH 18: wei), a token's are given with its ledger events.
/// </summary>
public static class AssetDecimals
{
    public static int? Native(AssetKey asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return (asset.Chain.ToLowerInvariant(), asset.Token.ToUpperInvariant()) switch
        {
            ("btc", "BTC") => BaseUnits.BitcoinDecimals,
            ("eth", "ETH") => BaseUnits.EtherDecimals,
            _ => null,
        };
    }

    /// <summary>"2.5 BTC (250000000 base units)", or "250000000 base units of USDT" when the decimals are not known.</summary>
    public static string Describe(BigInteger amount, AssetKey asset, int? decimals)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return (decimals ?? Native(asset)) is { } d
            ? $"{BaseUnits.ToDecimalString(amount, d)} {asset.Token} ({amount} base unit{(amount.IsOne ? "" : "s")})"
            : $"{amount} base unit{(amount.IsOne ? "" : "s")} of {asset.Token}";
    }
}
