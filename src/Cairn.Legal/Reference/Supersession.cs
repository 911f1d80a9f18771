namespace Cairn.Legal.Reference;

/// <summary>Between States bound by both, <c>Instrument</c> is replaced by the instrument that declares this (e.g. EIO Art 34(1)).</summary>
public sealed record Supersession(string Instrument, string Citation);
