namespace Cairn.Storage.Retention;

/// <summary>A legal hold on a case: nothing of it is purged while the hold stands, whatever the retention policies say.</summary>
public sealed record CaseHold(string CaseReference, string Reason, string HeldBy, string Agency, DateTimeOffset HeldAt);
