using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// One applicable rule of one instrument binding both States, with everything needed to draft the
/// request. <see cref="Unverified"/> lists each fact behind the option that a source did not confirm.
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
    IReadOnlyList<string> Unverified)
{
    public bool Verified => Unverified.Count == 0;
}
