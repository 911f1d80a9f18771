namespace Cairn.Chains;

/// <summary>
/// How a chain keeps value, which decides its parser, index and tracer: UTXO chains (Bitcoin's
/// transaction model: Cairn.Chains.Bitcoin's parsers, the UTXO index, the output tracer and
/// multi-input clustering) or account chains (Ethereum's: Cairn.Chains.Ethereum's fetcher, the
/// transfer index, the account tracer).
/// </summary>
public enum ChainFamily
{
    Utxo,
    Account,
}
