namespace Cairn.Tracing.Heuristics;

/// <summary>
/// The combined verdict of the change rules: the output judged to be change (null when no rule
/// fired or the rules cancel out), its combined confidence, and every rule that fired.
/// </summary>
public sealed record ChangeVerdict(int? ChangeOutput, double Confidence, IReadOnlyList<ChangeEvidence> Evidence)
{
    public static ChangeVerdict None { get; } = new(null, 0, []);
}
