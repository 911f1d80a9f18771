using Cairn.Storage.Retention;

namespace Cairn.Workspace.Retention;

/// <summary>Whether a case is on legal hold, and the hold when it is.</summary>
public sealed record HoldView(bool OnHold, CaseHold? Hold);
