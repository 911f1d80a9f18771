namespace Cairn.Cases.Victims;

/// <summary>A victim of a case (a person or organisation as the case knows them) and what they lost; returns in the ledger point to them.</summary>
public sealed record Victim(string Id, string CaseId, string Name, string Details, DateTimeOffset RecordedAt, string RecordedBy, string RecordedAgency)
{
    public IReadOnlyList<VictimLoss> Losses { get; init; } = [];
}
