namespace Cairn.Workspace.Chain;

/// <summary>
/// A long operation the server runs in the background (an ingest), polled by the UI for its
/// progress. <see cref="Done"/> of <see cref="Total"/> is in the operation's own unit (blocks).
/// </summary>
public sealed class Job
{
    private readonly Lock _lock = new();

    public Job(string id, string kind, string owner, DateTimeOffset startedAt)
    {
        Id = id;
        Kind = kind;
        Owner = owner;
        StartedAt = startedAt;
    }

    public string Id { get; }

    public string Kind { get; }

    /// <summary>Login of who started it.</summary>
    public string Owner { get; }

    public DateTimeOffset StartedAt { get; }

    public string State { get; private set; } = "running";

    public long Done { get; private set; }

    public long Total { get; private set; }

    public string Detail { get; private set; } = "";

    public string? Error { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public void Report(long done, long total, string detail)
    {
        lock (_lock) (Done, Total, Detail) = (done, total, detail);
    }

    public void Finish(DateTimeOffset at, string? error, string detail)
    {
        lock (_lock)
        {
            State = error is null ? "succeeded" : "failed";
            Error = error;
            Detail = detail;
            FinishedAt = at;
        }
    }

    public JobView Snapshot()
    {
        lock (_lock)
            return new JobView(Id, Kind, Owner, State, Done, Total, Detail, Error, StartedAt, FinishedAt);
    }
}
