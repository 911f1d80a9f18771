namespace Cairn.Tracing.Ethereum;

/// <summary>An attributed actor: an exchange, mixer, DEX or bridge contract, with the jurisdictions it answers to (ISO 3166-1 alpha-2).</summary>
public sealed record EthAttribution(string Actor, string Category, IReadOnlyList<string> Jurisdictions, double Confidence = 1.0)
{
    /// <summary>The actor's name for people (null: the actor id).</summary>
    public string? Label { get; init; }

    /// <summary>Where the attribution comes from (a TagPack id), when known.</summary>
    public string? Source { get; init; }
}
