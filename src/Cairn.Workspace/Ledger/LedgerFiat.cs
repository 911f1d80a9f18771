using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Ledger;

/// <summary>
/// The ledger's events valued in <see cref="Currency"/>, each at the date it happened: the value with its rate, the
/// rate's date and source (<see cref="FiatValue"/>), or <see cref="EventValue.NoRate"/> saying why there is none
/// (no table covers the asset on that date or the seven days before, or the token's decimals are unknown). Never a guess.
/// </summary>
public sealed record LedgerFiat(string Currency, IReadOnlyList<LedgerFiat.EventValue> Events)
{
    /// <summary>One event's value: <see cref="Date"/> (ISO 8601) is the day valued at; exactly one of <see cref="Value"/> and <see cref="NoRate"/> is set.</summary>
    public sealed record EventValue(long Sequence, string Date, FiatValue? Value, string? NoRate);
}
