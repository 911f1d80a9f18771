namespace Cairn.Tracing.Ethereum;

/// <summary>An attributed actor: an exchange, mixer, DEX or bridge contract, with the jurisdictions it answers to (ISO 3166-1 alpha-2).</summary>
public sealed record EthAttribution(string Actor, string Category, IReadOnlyList<string> Jurisdictions, double Confidence = 1.0);
