namespace Cairn.Workspace.Chain;

/// <summary>An ingest the server runs in the background: a blocks directory on the server and the network (default main).</summary>
public sealed record IngestJobRequest(string? Blocks, string? Network);
