namespace Cairn.Cases.Cases;

/// <summary>One change of a case's status: to what, why, when, by whom of which agency.</summary>
public sealed record CaseStatusChange(CaseStatus Status, string Reason, DateTimeOffset ChangedAt, string ChangedBy, string Agency);
