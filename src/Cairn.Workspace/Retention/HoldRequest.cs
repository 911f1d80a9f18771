namespace Cairn.Workspace.Retention;

/// <summary>Body of PUT /api/v1/cases/{reference}/hold: why the case must not be purged (a court order, an appeal, a request from abroad).</summary>
public sealed record HoldRequest(string? Reason);
