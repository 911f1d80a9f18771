namespace Cairn.Legal.Reference;

/// <summary>
/// A treaty, EU act, set of bilateral treaties, principles or informal network, with who it binds and
/// its rules. Membership kinds: see <see cref="Memberships"/>. Whether a State is bound is judged on a
/// date (<see cref="StandingOn"/>): entry into force for that State, withdrawals, suspensions,
/// terminations, and for EU acts the date they apply from (<see cref="AppliesFrom"/>).
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

    /// <summary>The partner of an <see cref="Memberships.EuWithPartner"/> agreement (GB for the EU–UK TCA).</summary>
    public string? Partner { get; init; }

    public Depositary? Depositary { get; init; }

    /// <summary>Date from which an EU act applies when later than its entry into force (EIO: 22 May 2017, Directive 2014/41/EU Art 36(1)).</summary>
    public DateOnly? AppliesFrom { get; init; }

    public string? AppliesFromCitation { get; init; }

    /// <summary>An informal cooperation network (CARIN, the ARINs): never a legal basis, ranked last.</summary>
    public bool Informal { get; init; }

    /// <summary>Languages (ISO 639-3) the instrument itself allows absent a declaration.</summary>
    public IReadOnlyList<string> LanguagesDefault { get; init; } = [];

    public string? LanguagesCitation { get; init; }

    /// <summary>Optional tie-break between options of equal specificity: lower comes first (docs/legal-data.md).</summary>
    public int? Precedence { get; init; }

    public string? PrecedenceNote { get; init; }

    /// <summary>Instruments this one supplements rather than competes with (the 2000 EU MLA Convention supplements ETS 030, its Art 1).</summary>
    public IReadOnlyList<string> Supplements { get; init; } = [];

    public string? ExcludedSource { get; init; }

    /// <summary>The data file the instrument was loaded from (e.g. "instruments/budapest.yaml"), for messages.</summary>
    public string? DataFile { get; init; }

    public bool IsComplete => PartiesCompleteness == "complete";

    /// <summary>Whether the instrument is in force on <paramref name="date"/> (in force at all, and entered into force by then).</summary>
    public bool InForceOn(DateOnly date) => InForce && (EntryIntoForce is not { } start || start <= date);

    /// <summary>Whether it is in force and applies on <paramref name="date"/> (<see cref="AppliesFrom"/> reached).</summary>
    public bool AppliesOn(DateOnly date) => InForceOn(date) && (AppliesFrom is not { } from || from <= date);

    /// <summary>
    /// Whether the pair can be bound at all by the kind of membership: a bilateral hub's treaties bind the hub
    /// and one partner; an EU–partner agreement binds the partner and a Member State.
    /// </summary>
    public bool CanPair(string requesting, string requested, Func<string, bool> isEuMember)
    {
        ArgumentNullException.ThrowIfNull(isEuMember);
        return Membership switch
        {
            Memberships.BilateralHub => (requesting == Hub) != (requested == Hub),
            Memberships.EuWithPartner => (requesting == Partner && requested != Partner && isEuMember(requested))
                || (requested == Partner && requesting != Partner && isEuMember(requesting)),
            _ => true,
        };
    }

    /// <summary>
    /// Where <paramref name="state"/> stands toward the instrument on <paramref name="date"/> (instrument dates aside).
    /// A complete list is complete as to States: a dependent territory absent from it (<paramref name="isTerritory"/>)
    /// may still be covered by its sovereign's territorial application, which the lists do not record
    /// (UNTOC and Hong Kong), so its standing is unknown rather than "not a party".
    /// </summary>
    public PartyStanding StandingOn(string state, DateOnly date, Func<string, bool> isEuMember, Func<string, bool>? isTerritory = null)
    {
        ArgumentNullException.ThrowIfNull(isEuMember);
        if (Parties.FirstOrDefault(p => p.State == state) is { } entry) return entry.StandingOn(date);
        return Membership switch
        {
            Memberships.EuMembersExcept => IsEuBound(state, isEuMember) ? Bound() : PartyStanding.NotParty,
            Memberships.EuWithPartner => state == Partner || IsEuBound(state, isEuMember) ? Bound() : PartyStanding.NotParty,
            Memberships.BilateralHub when state == Hub => Bound(),
            _ when !IsComplete => PartyStanding.Unknown,
            _ when isTerritory?.Invoke(state) == true => PartyStanding.TerritoryUnknown,
            _ => PartyStanding.NotParty,
        };
    }

    /// <summary>The party entry binding <paramref name="state"/> on <paramref name="date"/>, or null; for EU acts and hubs a synthetic verified entry.</summary>
    public InstrumentParty? PartyOn(string state, DateOnly date, Func<string, bool> isEuMember)
    {
        if (!AppliesOn(date)) return null;
        var standing = StandingOn(state, date, isEuMember);
        return standing.IsBound ? standing.Party ?? new InstrumentParty(state, null, null, standing.Since, true, null, TextUrl) : null;
    }

    /// <summary>Whether the instrument binds both States on <paramref name="date"/>.</summary>
    public bool Binds(string requesting, string requested, DateOnly date, Func<string, bool> isEuMember) =>
        AppliesOn(date) && CanPair(requesting, requested, isEuMember)
        && StandingOn(requesting, date, isEuMember).IsBound && StandingOn(requested, date, isEuMember).IsBound;

    /// <summary>Whether both States appear in the parties list (whatever their dates) although the instrument may not apply.</summary>
    public bool ListsBoth(string requesting, string requested) => Lists(requesting) && Lists(requested);

    /// <summary>
    /// Whether the instrument may bind both States although its data does not show it: the party list is
    /// partial and each State is either bound on <paramref name="date"/> or absent from the list. A State
    /// listed with a later entry into force (or withdrawn, or suspended) is known not to be bound.
    /// </summary>
    public bool MayBind(string requesting, string requested, DateOnly date, Func<string, bool> isEuMember)
    {
        if (IsComplete || Membership is Memberships.EuMembersExcept or Memberships.EuWithPartner) return false;
        if (!AppliesOn(date) || !CanPair(requesting, requested, isEuMember)) return false;
        var standings = new[] { StandingOn(requesting, date, isEuMember), StandingOn(requested, date, isEuMember) };
        return standings.All(s => s.Kind is PartyStandingKind.Bound or PartyStandingKind.Unknown) && !standings.All(s => s.IsBound);
    }

    /// <summary>Whether <paramref name="state"/> appears in the parties list at all (whatever its dates).</summary>
    public bool Lists(string state) => (Membership == Memberships.BilateralHub && state == Hub) || Parties.Any(p => p.State == state);

    private bool IsEuBound(string state, Func<string, bool> isEuMember) => isEuMember(state) && !Excluded.Contains(state, StringComparer.Ordinal);

    private PartyStanding Bound() => new(PartyStandingKind.Bound, AppliesFrom ?? EntryIntoForce, null);
}
