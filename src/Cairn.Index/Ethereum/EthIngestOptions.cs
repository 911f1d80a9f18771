namespace Cairn.Index.Ethereum;

/// <summary>What to ingest: <see cref="From"/>/<see cref="To"/> default to where the index ends and the node's tip.</summary>
public sealed record EthIngestOptions
{
    public long? From { get; init; }

    public long? To { get; init; }

    /// <summary>Blocks fetched and committed together; a kill loses at most this many blocks of work.</summary>
    public int BlocksPerCommit { get; init; } = 50;

    /// <summary>How many of the index's last blocks are re-checked by hash before resuming (reorganisation depth).</summary>
    public int ReorgDepth { get; init; } = 64;
}
