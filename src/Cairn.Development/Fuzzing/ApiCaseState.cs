namespace Cairn.Development.Fuzzing;

/// <summary>
/// What holds just before one fuzz case of an operation: the path values to send to, and text replacements applied to the
/// (mutated) body, such as <c>"version":3</c> → <c>"version":7</c>, so a case that kept the seed's version sends the current one.
/// </summary>
public sealed record ApiCaseState(IReadOnlyDictionary<string, string> PathValues, IReadOnlyDictionary<string, string> Replacements);
