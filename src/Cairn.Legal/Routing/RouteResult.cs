namespace Cairn.Legal.Routing;

/// <summary>
/// The ranked options judged on <see cref="AsOf"/> (the query's date), or (when <see cref="Options"/> is
/// empty) the plain fallback: reciprocity or letters rogatory. When only unconfirmed options exist
/// (partial party lists), or only informal channels, the fallback says so next to them. <see cref="Notes"/>
/// explains instruments left out (not a party, withdrawn, suspended, superseded, not in force, not yet
/// applicable, or binding both States without covering the measure) and ranking decisions.
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

    /// <summary>When only informal channels remain: they help find assets or contacts but are no legal basis.</summary>
    public const string InformalOnlyFallback =
        "no instrument binds both states for this measure: only informal channels remain below, which are not a legal basis; " +
        "a formal request can only rest on reciprocity (comity) or letters rogatory through diplomatic channels";

    /// <summary>The formal options (those that can be a legal basis); derived, so not part of the JSON answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<RouteOption> LegalBases => Options.Where(o => !o.Informal);
}
