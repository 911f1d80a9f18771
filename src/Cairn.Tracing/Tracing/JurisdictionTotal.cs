namespace Cairn.Tracing.Tracing;

/// <summary>Value that reached services answering to one jurisdiction (an actor in two countries counts in both).</summary>
public sealed record JurisdictionTotal(string Jurisdiction, long AmountSat, int Endpoints, IReadOnlyList<string> Actors);
