namespace Cairn.Legal.Routing;

/// <summary>
/// The ranked options, or (when <see cref="Options"/> is empty) the plain fallback: reciprocity or
/// letters rogatory. When only unconfirmed options exist (partial party lists), the fallback says so
/// next to them. <see cref="Notes"/> explains instruments left out (superseded, not in force, or
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

    /// <summary>When every option rests on a partial party list that lacks one of the States.</summary>
    public const string UnconfirmedOnlyFallback =
        "no instrument is confirmed to bind both states: every option below rests on a partial party list (party status unverified); " +
        "confirm the States' participation before relying on it, else the request can only rest on reciprocity (comity) or letters rogatory";
}
