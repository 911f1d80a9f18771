namespace Cairn.Workspace.Retention;

/// <summary>
/// What a purge deleted (or, in a dry run, would delete): per data class the policy in words, the
/// items and the number of cases; how many due cases were kept because of a legal hold. Counts only,
/// no case data: every admin may read it. Stored as JSON; the custody entry "retention.purge" on
/// retention:<see cref="Id"/> holds its SHA-256.
/// </summary>
public sealed record PurgeReport(string Id, DateTimeOffset At, string By, bool DryRun, IReadOnlyList<PurgeReport.Item> Items, int HeldCases, int Total)
{
    public sealed record Item(string DataClass, string What, string Policy, int Count, int Cases);
}
