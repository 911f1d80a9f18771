namespace Cairn.Workspace.Cases;

/// <summary>A case to open: its unique reference, a short title, the offence type (a code of the list, e.g. ransomware) and, for type "other", its description.</summary>
public sealed record NewCaseRequest(string? Reference, string? Title, string? OffenceType, string? OffenceDetail = null);
