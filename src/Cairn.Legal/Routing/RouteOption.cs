using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// One applicable rule of one instrument binding both States, with everything needed to draft the
/// request. <see cref="Unverified"/> lists each legal fact behind the option that a source did not confirm.
/// <see cref="PartyStatus"/> is <see cref="PartiesListed"/> when both States are bound by the data, or
/// <see cref="PartyStatusUnverified"/> when the instrument's party list is partial and lacks one of them:
/// such an option may well apply but must be confirmed, and ranks after every listed one.
/// <see cref="Addressee"/> and <see cref="Languages"/> say to whom and in which language to send it;
/// <see cref="Informal"/> options (CARIN, ARINs) are never a legal basis and rank last.
/// </summary>
public sealed record RouteOption(
    int Rank,
    string InstrumentId,
    string Instrument,
    string RuleId,
    string Rule,
    string Channel,
    string RequestType,
    int Specificity,
    string Citation,
    DualCriminality DualCriminality,
    IReadOnlyList<CitedItem> RequiredContents,
    IReadOnlyList<DeadlineRule> Deadlines,
    IReadOnlyList<CitedItem> RefusalGrounds,
    IReadOnlyList<CitedItem> Conditions,
    IReadOnlyList<string> Reservations,
    IReadOnlyList<string> Unverified,
    string PartyStatus)
{
    public const string PartiesListed = "listed";

    public const string PartyStatusUnverified = "unverified_list_partial";

    /// <summary>The words shown to people (and in <see cref="Unverified"/>) for <see cref="PartyStatusUnverified"/>.</summary>
    public const string PartyStatusUnverifiedText = RouteWords.PartyStatusUnverifiedText;

    public string InstrumentShortTitle { get; init; } = "";

    public Addressee? Addressee { get; init; }

    public AcceptedLanguages Languages { get; init; } = AcceptedLanguages.NotRecorded;

    public bool Informal { get; init; }

    /// <summary>
    /// For a bilateral hub's option, the pair's own treaty in words (title, signature, entry into force): the
    /// basis a draft cites, where <see cref="Citation"/> names the treaties the hub's rule was checked on.
    /// </summary>
    public string? Treaty { get; init; }

    /// <summary>Why the option ranks lower than its specificity suggests (a subsidiary rule, an informal channel), or null.</summary>
    public string? RankNote { get; init; }

    /// <summary>Changes a party's declaration makes to this option (dual criminality required, channel), in words.</summary>
    public IReadOnlyList<string> Effects { get; init; } = [];

    public bool PartiesConfirmed => PartyStatus == PartiesListed;

    public bool Verified => Unverified.Count == 0;
}
