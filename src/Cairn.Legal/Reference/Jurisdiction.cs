namespace Cairn.Legal.Reference;

/// <summary>
/// An ISO 3166-1 entry with the authorities cooperation needs (central authority, 24/7 point of contact
/// under Budapest Art 35, FIU, asset recovery office, executing authorities), each with its source.
/// Unknown authorities are absent, never guessed.
/// </summary>
public sealed record Jurisdiction(
    string Code,
    string Name,
    string Alpha3,
    bool Independent,
    bool EuMember,
    IReadOnlyList<string> OfficialLanguages,
    IReadOnlyList<Contact> Contacts)
{
    public string? NameFr { get; init; }

    public string? NameDe { get; init; }

    /// <summary>The State's common name in a document language (en, fr, de), English where no translation is recorded.</summary>
    public string NameIn(string language) => language switch
    {
        "fr" when NameFr is not null => NameFr,
        "de" when NameDe is not null => NameDe,
        _ => Name,
    };

    /// <summary>
    /// The contact in <paramref name="role"/> for <paramref name="instrumentId"/>: one designated under that
    /// instrument first, else a general one, else null.
    /// </summary>
    public Contact? ContactFor(string role, string? instrumentId) =>
        Contacts.FirstOrDefault(c => c.Role == role && instrumentId is not null && c.InstrumentId == instrumentId)
        ?? Contacts.FirstOrDefault(c => c.Role == role && c.InstrumentId is null);
}
