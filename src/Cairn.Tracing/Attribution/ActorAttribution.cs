namespace Cairn.Tracing.Attribution;

/// <summary>Who controls an address, as intelligence says: the actor, its category and the countries it answers to.</summary>
public sealed record ActorAttribution(
    string ActorId,
    string Label,
    string Category,
    IReadOnlyList<string> Jurisdictions,
    double Confidence,
    string Source);
