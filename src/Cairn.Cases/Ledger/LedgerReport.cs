namespace Cairn.Cases.Ledger;

/// <summary>A case's ledger: its events in order, the balance of each asset, and totals per state.</summary>
public sealed record LedgerReport(string CaseReference, IReadOnlyList<LedgerEvent> Events, IReadOnlyList<AssetBalance> Balances, IReadOnlyList<StateTotals> States);
