namespace Cairn.Workspace.Tracing;

/// <summary>What part of a trace's entity graph to show: how many nodes at most, which entities to expand into their addresses, and a time window (block times).</summary>
public sealed record GraphQuery(int? MaxNodes = null, IReadOnlyList<string>? Expand = null, DateTimeOffset? From = null, DateTimeOffset? Until = null)
{
    public const int DefaultMaxNodes = 60;
}
