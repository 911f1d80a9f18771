namespace Cairn.Tracing.Tracing;

/// <summary>Forward: where did the funds go. Backward: where did they come from.</summary>
public enum TraceDirection
{
    Forward,
    Backward,
}
