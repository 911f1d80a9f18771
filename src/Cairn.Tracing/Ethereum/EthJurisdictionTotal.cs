namespace Cairn.Tracing.Ethereum;

/// <summary>Total reaching attributed services that answer to one jurisdiction (an actor in several counts in each).</summary>
public sealed record EthJurisdictionTotal(string Jurisdiction, string Amount, double Share);
