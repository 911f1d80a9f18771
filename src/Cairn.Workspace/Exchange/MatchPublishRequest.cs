namespace Cairn.Workspace.Exchange;

/// <summary>A private-matching filter to publish: the file, the target false-positive rate, an identifier list file, and whether to leave out the wallets of the agency's cases.</summary>
public sealed record MatchPublishRequest(string? Out, double FalsePositiveRate = 1e-6, string? IdentifiersFile = null, bool NoCases = false);
