namespace Cairn.Workspace.Exchange;

/// <summary>A partner's filter to check our identifiers against, locally: the filter file, an identifier list file, and whether to leave out the wallets of the agency's cases.</summary>
public sealed record MatchCheckRequest(string? File, string? IdentifiersFile = null, bool NoCases = false);
