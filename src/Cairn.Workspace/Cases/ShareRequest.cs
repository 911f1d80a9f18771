namespace Cairn.Workspace.Cases;

/// <summary>
/// The registered agency a case is shared with and the level: read (default) or contribute (traces, evidence, request drafts); with
/// <see cref="Pseudonymise"/> the agency sees the subjects' personal data only as pseudonyms (it needs the flows, not the names).
/// </summary>
public sealed record ShareRequest(string? Agency, string? Level = null, bool? Pseudonymise = null);
