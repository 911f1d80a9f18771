namespace Cairn.Cases.Ledger;

/// <summary>
/// Everything an <see cref="AssetLedger"/> holds after a replay (balances per asset and location, totals per State, the
/// decimals each token was first recorded with): what a store keeps beside a case's events so that checking the next event
/// applies it to this state instead of replaying the case's whole ledger (<see cref="AssetLedger.FromState"/>).
/// </summary>
public sealed record AssetLedgerState(IReadOnlyList<AssetBalance> Balances, IReadOnlyList<StateTotals> States, IReadOnlyList<TokenDecimals> Decimals);
