using Cairn.Tracing.Watching;

namespace Cairn.Workspace.Watching;

/// <summary>
/// Told about every transaction an ingest added, after it committed: Bitcoin and Ethereum ingest
/// (block files, RPC, server jobs) call every registered observer; a chain added through a registry
/// calls them the same way from its ingest entry point. <paramref name="seenAt"/> is when that ingest started.
/// </summary>
public interface IIngestObserver
{
    Task OnIngestedAsync(string chain, IReadOnlyList<ObservedTransaction> transactions, DateTimeOffset seenAt, CancellationToken cancellationToken = default);
}
