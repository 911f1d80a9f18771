using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// One applicable rule of one instrument binding both States, with everything needed to draft the
/// request. <see cref="Unverified"/> lists each fact behind the option that a source did not confirm.
/// <see cref="PartyStatus"/> is <see cref="PartiesListed"/> when both States are bound by the data, or
/// <see cref="PartyStatusUnverified"/> when the instrument's party list is partial and lacks one of them:
/// such an option may well apply but must be confirmed, and ranks after every listed one.
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
    public const string PartyStatusUnverifiedText = "party status unverified (list partial)";

    public bool PartiesConfirmed => PartyStatus == PartiesListed;

    public bool Verified => Unverified.Count == 0;
}
