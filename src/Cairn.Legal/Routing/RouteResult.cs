namespace Cairn.Legal.Routing;

/// <summary>
/// The ranked options, or (when <see cref="Options"/> is empty) the plain fallback: reciprocity or
/// letters rogatory. <see cref="Notes"/> explains instruments left out (superseded, not in force, or
/// binding both States without covering the measure).
/// </summary>
public sealed record RouteResult(
    string RequestingState,
    string RequestedState,
    string Measure,
    bool Urgent,
    DateOnly AsOf,
    IReadOnlyList<RouteOption> Options,
    string? Fallback,
    IReadOnlyList<string> Notes)
{
    public const string NoInstrumentFallback =
        "no instrument binds both states: the request can only rest on reciprocity (comity) or letters rogatory through diplomatic channels";
}
