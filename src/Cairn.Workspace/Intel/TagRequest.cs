namespace Cairn.Workspace.Intel;

/// <summary>A user tag: address, currency, label, where it comes from, GraphSense category/abuse concepts, actor, confidence id and context; agency-private unless public.</summary>
public sealed record TagRequest(string? Address, string? Currency, string? Label, string? Source, string? Category = null, string? Abuse = null, string? Actor = null,
    string? Confidence = null, string? Context = null, bool IsPublic = false);
