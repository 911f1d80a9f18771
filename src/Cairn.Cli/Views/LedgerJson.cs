using System.Globalization;
using Cairn.Cases.Ledger;
using Cairn.Cli.Commands;

namespace Cairn.Cli.Views;

/// <summary>
/// `cairn ledger show --json`: the case, its events, balances per asset and totals per State, every amount in base units (and
/// decimals for native coins); with --fiat, each event's value at the date it happened with its rate's date and source, or why there is none.
/// </summary>
internal sealed record LedgerJson(string Case, IReadOnlyList<LedgerEventJson> Events, IReadOnlyList<LedgerJson.Balance> Balances, IReadOnlyList<LedgerJson.StateTotal> States,
    Cairn.Workspace.Ledger.LedgerFiat? Fiat)
{
    public sealed record Balance(string Chain, string Token, string Location, string FrozenBaseUnits, string? Frozen, string SeizedBaseUnits, string? Seized,
        string ConfiscatedBaseUnits, string? Confiscated, string LiquidatedBaseUnits, string ReturnedBaseUnits, string SharedBaseUnits);

    public sealed record StateTotal(string State, string Chain, string Token, string FrozenBaseUnits, string SeizedBaseUnits, string ConfiscatedBaseUnits, string ReceivedBaseUnits, string ReturnedBaseUnits);

    public static LedgerJson Of(Cairn.Workspace.Ledger.LedgerView report) => new(
        report.CaseReference,
        report.Events.Select(LedgerEventJson.Of).ToList(),
        report.Balances.Select(b => new Balance(b.Asset.Chain, b.Asset.Token, b.Asset.Location,
            Text(b.Frozen), LedgerCommands.Human(b.Asset, b.Frozen), Text(b.Seized), LedgerCommands.Human(b.Asset, b.Seized),
            Text(b.Confiscated), LedgerCommands.Human(b.Asset, b.Confiscated), Text(b.Liquidated), Text(b.Returned), Text(b.Shared))).ToList(),
        report.States.Select(s => new StateTotal(s.State, s.Chain, s.Token, Text(s.Frozen), Text(s.Seized), Text(s.Confiscated), Text(s.Received), Text(s.Returned))).ToList(),
        report.Fiat);

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
