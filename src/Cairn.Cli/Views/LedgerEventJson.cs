using Cairn.Cases.Ledger;
using Cairn.Cli.Commands;

namespace Cairn.Cli.Views;

/// <summary>A ledger event as `cairn ledger --json` prints it: flat, with the exact amount in base units beside the human decimal.</summary>
internal sealed record LedgerEventJson(string Id, long Sequence, string Event, string Chain, string Token, string Location, string AmountBaseUnits, string? Amount,
    string LegalBasis, string Authority, string Jurisdiction, string? TargetLocation, string? Recipient, IReadOnlyList<string> EvidenceIds,
    DateTimeOffset RecordedAt, string RecordedBy, string RecordedAgency, DateTimeOffset? OccurredAt, int? Decimals, string Approval, LedgerDecisionJson? Decision)
{
    public static LedgerEventJson Of(LedgerEvent e)
    {
        var d = e.Details;
        return new(e.Id, e.Sequence, LedgerEventKinds.Name(d.Kind), d.Asset.Chain, d.Asset.Token, d.Asset.Location, d.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LedgerCommands.Human(d.Asset, d.Amount, d.Decimals), d.LegalBasis, d.Authority, d.Jurisdiction, d.TargetLocation, d.Recipient, d.EvidenceIds, e.RecordedAt, e.RecordedBy, e.RecordedAgency,
            d.OccurredAt, d.Decimals, LedgerApprovals.Name(e.Approval),
            e.Decision is { } decision ? new LedgerDecisionJson(decision.By, decision.Agency, decision.Role, decision.At, decision.Reason) : null);
    }
}
