using Cairn.Cases.Ledger;

namespace Cairn.Workspace.Ledger;

/// <summary>
/// A case's ledger as shown (CLI, API, UI): its events, balances per asset and totals per State, and, when a
/// currency was asked for, each event's value in it at the date the event happened (<see cref="LedgerFiat"/>).
/// </summary>
public sealed record LedgerView(string CaseReference, IReadOnlyList<LedgerEvent> Events, IReadOnlyList<AssetBalance> Balances, IReadOnlyList<StateTotals> States)
{
    /// <summary>Null unless a currency was asked for.</summary>
    public LedgerFiat? Fiat { get; init; }
}
