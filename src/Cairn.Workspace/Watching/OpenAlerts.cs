namespace Cairn.Workspace.Watching;

/// <summary>How many alerts of a case nobody has acknowledged or drafted from yet (the UI badge).</summary>
public sealed record OpenAlerts(string CaseReference, int Open);
