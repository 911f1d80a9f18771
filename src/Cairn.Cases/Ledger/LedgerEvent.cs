namespace Cairn.Cases.Ledger;

/// <summary>A recorded ledger event: the request plus its place in the case's ledger and who recorded it when.</summary>
public sealed record LedgerEvent(string Id, string CaseId, long Sequence, NewLedgerEvent Details, DateTimeOffset RecordedAt, string RecordedBy, string RecordedAgency);
