namespace Cairn.Workspace.Cases;

/// <summary>A case to open: its unique reference, a short title and the offence type (e.g. ransomware, fraud).</summary>
public sealed record NewCaseRequest(string? Reference, string? Title, string? OffenceType);
