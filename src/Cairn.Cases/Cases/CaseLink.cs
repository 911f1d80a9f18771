namespace Cairn.Cases.Cases;

/// <summary>A link from a case to another object by its id (trace id, request id, evidence id).</summary>
public sealed record CaseLink(CaseLinkKind Kind, string Target);
