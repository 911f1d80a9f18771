namespace Cairn.Development.Fuzzing;

/// <summary>An input that crashed (an unexpected exception, or a refusal whose message is not one line) or hung a target, minimised.</summary>
public sealed record FuzzFinding(string Target, string Kind, string Problem, byte[] Input, byte[] Minimised);
