namespace Cairn.Legal.Reference;

/// <summary>
/// A reservation or declaration a party made under an article. <see cref="Effect"/> is set when it
/// changes a route answer (a rule excluded, dual criminality required, languages, channel, an
/// authority); otherwise it is shown as text only.
/// </summary>
public sealed record Declaration(
    string Id,
    string Kind,
    string Article,
    string Summary,
    DeclarationEffect? Effect,
    string? Source,
    bool Verified)
{
    /// <summary>First day the declaration applies (null: since the party's consent).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Day it stopped applying, e.g. a reservation withdrawn (null: still applies).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Whether the declaration applies on <paramref name="date"/> (Czechia's ETS 185 Art 29(4) reservation: 2013-12-01 to 2019-07-05).</summary>
    public bool AppliesOn(DateOnly date) => (From is not { } from || from <= date) && (To is not { } to || date < to);
}
