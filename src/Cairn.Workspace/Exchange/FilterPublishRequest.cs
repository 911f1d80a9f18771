namespace Cairn.Workspace.Exchange;

/// <summary>A deconfliction match filter to send: the partner node and the target false-positive rate of the Bloom filter.</summary>
public sealed record FilterPublishRequest(string? To, double? FalsePositiveRate = null);
