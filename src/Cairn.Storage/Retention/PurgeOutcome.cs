namespace Cairn.Storage.Retention;

/// <summary>
/// One purge: its id (the custody entry's object id), time, what each class lost, how many due cases
/// were kept because of a legal hold, and the stored report whose SHA-256 the custody log holds.
/// </summary>
public sealed record PurgeOutcome(string Id, DateTimeOffset At, bool DryRun, IReadOnlyList<PurgedClass> Items, int HeldCases, string Report, string ReportSha256);
