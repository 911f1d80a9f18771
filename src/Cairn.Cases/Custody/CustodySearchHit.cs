namespace Cairn.Cases.Custody;

/// <summary>A custody log entry found by a search, with the reference of the case it is about when it is about one.</summary>
public sealed record CustodySearchHit(CustodyEntry Entry, string? CaseReference);
