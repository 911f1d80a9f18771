namespace Cairn.Legal.Reference;

/// <summary>
/// One State's (or the EU's) participation in an instrument, with dates where a source gave them.
/// For bilateral treaties an entry is the treaty with that partner (<see cref="Title"/>,
/// <see cref="Terminated"/>); for the Egmont Group it is the member FIU (<see cref="Fiu"/>,
/// <see cref="MemberSince"/> or <see cref="MemberSinceYear"/>).
/// </summary>
public sealed record InstrumentParty(
    string State,
    DateOnly? Signature,
    DateOnly? Ratification,
    DateOnly? InForce,
    bool Verified,
    string? Note,
    string? Source)
{
    /// <summary>ratification | accession | acceptance | approval | succession | definitive_signature, when recorded.</summary>
    public string? Consent { get; init; }

    public PartyWithdrawal? Withdrawal { get; init; }

    public IReadOnlyList<PartySuspension> Suspensions { get; init; } = [];

    public string? Territorial { get; init; }

    public string? AsOf { get; init; }

    public IReadOnlyList<Declaration> Declarations { get; init; } = [];

    public string? Title { get; init; }

    /// <summary>
    /// For a treaty of a bilateral hub: the short name the hub's rule citations give this treaty (e.g.
    /// "Netherlands-US treaty"), when a rule was checked on its text; a request between the two States then
    /// cites those articles (<see cref="BilateralCitations"/>).
    /// </summary>
    public string? CitedAs { get; init; }

    public DateOnly? Terminated { get; init; }

    public string? Fiu { get; init; }

    public DateOnly? MemberSince { get; init; }

    public int? MemberSinceYear { get; init; }

    /// <summary>
    /// Whether the entry records consent to be bound. An entry with a signature only is a signatory, not
    /// a party; an entry with no date at all is a party whose dates were not read (kept from v1 data).
    /// </summary>
    public bool HasConsented =>
        Ratification is not null || InForce is not null || Consent is not null || MemberSince is not null || MemberSinceYear is not null || Signature is null;

    /// <summary>How this entry stands on <paramref name="date"/>: bound, or why not.</summary>
    public PartyStanding StandingOn(DateOnly date)
    {
        // A signature after the date says nothing of it: the State had not even signed then.
        if (!HasConsented)
            return Signature is { } signed && signed > date ? new PartyStanding(PartyStandingKind.NotParty, null, this) : new PartyStanding(PartyStandingKind.SignatoryOnly, Signature, this);
        if (Terminated is { } terminated && terminated <= date) return new PartyStanding(PartyStandingKind.Terminated, terminated, this);
        if (Withdrawal is { } withdrawal && withdrawal.Effective <= date) return new PartyStanding(PartyStandingKind.Withdrawn, withdrawal.Effective, this);
        var start = InForce ?? MemberSince ?? (MemberSinceYear is { } year ? new DateOnly(year, 1, 1) : (DateOnly?)null) ?? Ratification;
        if (start is { } from && from > date) return new PartyStanding(PartyStandingKind.NotYetInForce, from, this);
        if (Suspensions.FirstOrDefault(s => s.Covers(date)) is { } suspension) return new PartyStanding(PartyStandingKind.Suspended, suspension.From, this);
        return new PartyStanding(PartyStandingKind.Bound, start, this);
    }

    /// <summary>
    /// Facts behind a bound standing on <paramref name="date"/> that no source fixed: an entry-into-force date
    /// taken from the deposit (the treaty's own rule was not applied) or a membership known to the year only.
    /// Only near the deposit does this matter: the modelled treaties put entry into force for a State at most
    /// a few months after its deposit (30th or 90th day, UNTOC Art 38(2), UNCAC Art 68(2); first day of the
    /// month after three months, ETS 185 Art 36(4)), so beyond six months the date is flagged no more.
    /// </summary>
    public IEnumerable<string> ApproximateDates(string instrumentName, DateOnly date)
    {
        if (InForce is null && MemberSince is null && MemberSinceYear is null && Ratification is { } deposit && date < deposit.AddMonths(6))
            yield return $"{State}'s entry into force under {instrumentName} is not recorded: taken as the deposit date {deposit:yyyy-MM-dd}";
        if (MemberSince is null && MemberSinceYear is { } year && date.Year == year)
            yield return $"{State} member of {instrumentName} since {year} (day not published)";
    }
}
