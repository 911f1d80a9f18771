namespace Cairn.Workspace.Tracing;

/// <summary>What a trace followed, for amounts and fiat values: the asset's names (symbol, contract), its decimals and the JSON name of its exact amounts.</summary>
public sealed record TraceAsset(IReadOnlyList<string> Names, int Decimals, string AmountField)
{
    public static readonly TraceAsset Bitcoin = new(["BTC"], Core.BaseUnits.BitcoinDecimals, "amount_sat");

    public static readonly TraceAsset Ether = new(["ETH"], Core.BaseUnits.EtherDecimals, "amount_wei");

    /// <summary>The coin of a UTXO chain of the registry (BTC, LTC, BCH, DOGE): its rates are its own, never Bitcoin's.</summary>
    public static TraceAsset OfUtxoChain(string chain)
    {
        var definition = Cairn.Chains.ChainRegistry.Get(chain);
        return definition.Id == "btc" ? Bitcoin : new([definition.Symbol], definition.Decimals, "amount_sat");
    }
}
