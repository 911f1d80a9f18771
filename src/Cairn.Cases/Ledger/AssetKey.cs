namespace Cairn.Cases.Ledger;

/// <summary>One asset at one place: chain ("btc", "eth"), token ("BTC", "USDT"), custody location (an exchange account, a state custody wallet).</summary>
public sealed record AssetKey(string Chain, string Token, string Location)
{
    public override string ToString() => $"{Token} on {Chain} at {Location}";
}
