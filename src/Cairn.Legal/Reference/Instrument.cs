namespace Cairn.Legal.Reference;

/// <summary>
/// A treaty, EU act, set of bilateral treaties or principles, with who it binds and its rules.
/// Membership: "listed" (the parties list), "eu_members_except" (EU Member States minus
/// <see cref="Excluded"/>, e.g. Denmark and Ireland for the EIO), "bilateral_hub" (each party with
/// <see cref="Hub"/> only).
/// </summary>
public sealed record Instrument(
    string Id,
    string Title,
    string ShortTitle,
    string Kind,
    string TextUrl,
    string AsOf,
    bool InForce,
    DateOnly? EntryIntoForce,
    string EntryIntoForceCitation,
    string Membership,
    string? Hub,
    IReadOnlyList<string> Excluded,
    string? ExcludedCitation,
    string PartiesCompleteness,
    string PartiesNote,
    string? ScopeNote,
    IReadOnlyList<InstrumentParty> Parties,
    IReadOnlyList<Supersession> Supersedes,
    IReadOnlyList<LegalRule> Rules)
{
    /// <summary>
    /// The offences the instrument applies to (empty: any offence within its general scope), e.g.
    /// UNCAC only to offences established under it (Art 3(1)); <see cref="OffenceScopeCitation"/> says where.
    /// </summary>
    public IReadOnlyList<string> OffenceScope { get; init; } = [];

    public string? OffenceScopeCitation { get; init; }

    /// <summary>Whether a case of <paramref name="offenceType"/> (normalised, see <see cref="Offences"/>) falls within <see cref="OffenceScope"/>; true when either is unknown.</summary>
    public bool Covers(string? offenceType) =>
        OffenceScope.Count == 0 || string.IsNullOrWhiteSpace(offenceType) || OffenceScope.Contains(Offences.Normalize(offenceType));

    /// <summary>The party entry binding <paramref name="state"/> on <paramref name="date"/>, or null; for EU acts a synthetic verified entry.</summary>
    public InstrumentParty? PartyOn(string state, DateOnly date, Func<string, bool> isEuMember)
    {
        ArgumentNullException.ThrowIfNull(isEuMember);
        if (!InForce || (EntryIntoForce is { } start && start > date)) return null;
        if (Membership == "eu_members_except")
            return isEuMember(state) && !Excluded.Contains(state, StringComparer.Ordinal)
                ? new InstrumentParty(state, null, null, EntryIntoForce, true, [], null, TextUrl)
                : null;
        if (Membership == "bilateral_hub" && state == Hub)
            return new InstrumentParty(state, null, null, null, true, [], null, TextUrl);
        return Parties.FirstOrDefault(p => p.State == state && (p.InForce is null || p.InForce <= date));
    }

    /// <summary>Whether the instrument binds both States on <paramref name="date"/> (bilateral: one of them must be the hub).</summary>
    public bool Binds(string requesting, string requested, DateOnly date, Func<string, bool> isEuMember)
    {
        if (Membership == "bilateral_hub" && requesting != Hub && requested != Hub) return false;
        return PartyOn(requesting, date, isEuMember) is not null && PartyOn(requested, date, isEuMember) is not null;
    }

    /// <summary>Whether both States appear in the parties list even though the instrument is not (yet) in force.</summary>
    public bool ListsBoth(string requesting, string requested) =>
        Parties.Any(p => p.State == requesting) && Parties.Any(p => p.State == requested);

    /// <summary>
    /// Whether the instrument may bind both States although its data does not show it: the party list
    /// is partial and each State is either a party on <paramref name="date"/> or absent from the list.
    /// A State listed with a later entry into force is known not to be bound yet, so it does not count.
    /// </summary>
    public bool MayBind(string requesting, string requested, DateOnly date, Func<string, bool> isEuMember)
    {
        if (PartiesCompleteness != "partial" || Membership == "eu_members_except") return false;
        if (!InForce || (EntryIntoForce is { } start && start > date)) return false;
        if (Membership == "bilateral_hub" && requesting != Hub && requested != Hub) return false;
        if (Binds(requesting, requested, date, isEuMember)) return false;
        return new[] { requesting, requested }.All(state => PartyOn(state, date, isEuMember) is not null || !Lists(state));
    }

    /// <summary>Whether <paramref name="state"/> appears in the parties list at all (whatever its dates).</summary>
    public bool Lists(string state) => (Membership == "bilateral_hub" && state == Hub) || Parties.Any(p => p.State == state);
}
