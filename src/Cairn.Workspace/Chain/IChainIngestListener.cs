namespace Cairn.Workspace.Chain;

/// <summary>
/// Told after every ingest that added rows to a chain index, whichever family and whichever way it
/// ran (CLI in the foreground, server job): the hook for work on newly ingested transactions
/// (watchlist evaluation, alerts). Registered in the container; called in registration order, after
/// the index committed, on the ingest's thread. An exception fails the ingest call (the index is
/// already committed and stays so).
/// </summary>
public interface IChainIngestListener
{
    Task OnIngestedAsync(ChainIngested ingested, CancellationToken cancellationToken);
}
