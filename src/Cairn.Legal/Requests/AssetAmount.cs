using System.Numerics;
using Cairn.Core;

namespace Cairn.Legal.Requests;

/// <summary>An exact amount in base units of an asset (satoshi for BTC, wei for ETH, token units), with its decimals for display.</summary>
public sealed record AssetAmount(string Asset, BigInteger BaseUnits, int Decimals)
{
    public string Human => BaseUnits.ToDecimalString(Decimals) + " " + Asset;
}

/// <summary>Formatting helper kept next to the record that uses it.</summary>
internal static class BaseUnitsExtensions
{
    public static string ToDecimalString(this BigInteger value, int decimals) => BaseUnits.ToDecimalString(value, decimals);
}
