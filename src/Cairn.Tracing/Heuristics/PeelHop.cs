namespace Cairn.Tracing.Heuristics;

/// <summary>One hop of a peel chain as output ids (<see cref="PeelStep"/> before formatting): the peeled output (null at a one-output hop), the change, and the rule that chose it.</summary>
internal readonly record struct PeelHop(uint? Peeled, uint Change, string Rule, double Confidence);
