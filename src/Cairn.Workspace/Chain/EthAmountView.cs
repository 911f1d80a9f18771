using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Core;
using Cairn.Index.Ethereum;

namespace Cairn.Workspace.Chain;

/// <summary>An amount of one asset: symbol (or contract when the token has none), exact base units, and decimals when the token states them.</summary>
public sealed record EthAmountView(string Asset, string? TokenContract, string AmountBaseUnits, string Amount)
{
    public static EthAmountView Of(EthereumIndex index, int tokenId, BigInteger value)
    {
        ArgumentNullException.ThrowIfNull(index);
        var token = index.Token(tokenId);
        var asset = token.Symbol.Length > 0 ? token.Symbol : token.Contract ?? "?";
        return new EthAmountView(asset, token.Contract is null ? null : EthAddress.ToChecksum(token.Contract), value.ToString(CultureInfo.InvariantCulture),
            token.Decimals is { } decimals ? BaseUnits.ToDecimalString(value, decimals) : value.ToString(CultureInfo.InvariantCulture));
    }
}
