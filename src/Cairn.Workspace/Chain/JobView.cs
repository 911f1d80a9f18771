namespace Cairn.Workspace.Chain;

/// <summary>A background job as the UI polls it: state (running, succeeded, failed), done of total in its own unit (blocks), a detail line, and the error when it failed.</summary>
public sealed record JobView(string Id, string Kind, string Owner, string State, long Done, long Total, string Detail, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
