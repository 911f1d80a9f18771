namespace Cairn.Legal.Reference;

/// <summary>
/// Between States bound by both, <c>Instrument</c> is replaced by the instrument that declares this
/// (e.g. Directive 2014/41/EU Art 34(1)), except the rules in <see cref="ExceptRules"/>, which stay
/// available (joint investigation teams survive the EIO: Directive 2014/41/EU Art 3).
/// </summary>
public sealed record Supersession(string Instrument, string Citation, IReadOnlyList<string> ExceptRules);
