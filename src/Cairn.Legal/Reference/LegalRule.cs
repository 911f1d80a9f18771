namespace Cairn.Legal.Reference;

/// <summary>
/// One way an instrument lets a State obtain a measure: channel, contents, deadlines, grounds.
/// <see cref="Specificity"/> (1 general MLA … 5 mutual recognition or direct order) drives ranking.
/// </summary>
public sealed record LegalRule(
    string Id,
    string Title,
    IReadOnlyList<string> Measures,
    string RequestType,
    string Channel,
    int Specificity,
    bool UrgentOnly,
    string Citation,
    bool Verified,
    DualCriminality DualCriminality,
    IReadOnlyList<CitedItem> RequiredContents,
    IReadOnlyList<DeadlineRule> Deadlines,
    IReadOnlyList<CitedItem> RefusalGrounds,
    IReadOnlyList<CitedItem> Conditions)
{
    /// <summary>
    /// "bilateral" and/or "treaty": the rule applies only where no bilateral treaty / no other MLA treaty
    /// binds the pair (ETS 185 Art 27(1) and 28(1); UNTOC Art 18(7); UNCAC Art 46(7)). It is then ranked after.
    /// </summary>
    public IReadOnlyList<string> SubsidiaryTo { get; init; } = [];

    /// <summary>A channel that is not a legal basis (e.g. an informal network's contact points).</summary>
    public bool Informal { get; init; }

    public bool Covers(string measure) => Measures.Contains(measure, StringComparer.Ordinal);

    public IEnumerable<CitedItem> ContentsFor(string measure, bool urgent) => RequiredContents.Where(c => c.AppliesFor(measure, urgent));

    public IEnumerable<DeadlineRule> DeadlinesFor(bool urgent) => Deadlines.Where(d => !d.UrgentOnly || urgent);
}
