namespace Cairn.Legal.Reference;

/// <summary>
/// What a declaration changes (docs/legal-data.md, "Declarations and reservations with effects"):
/// <c>rule_excluded</c> (<see cref="Rules"/> not available with the party on <see cref="Side"/>),
/// <c>dual_criminality</c> (required for <see cref="Rules"/> or <see cref="Measures"/>),
/// <c>languages</c>, <c>channel</c>, <c>authority</c> (<see cref="Role"/>, <see cref="Name"/>),
/// <c>not_applicable_territory</c> (text only).
/// </summary>
public sealed record DeclarationEffect(
    string Type,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Measures,
    string Side,
    string? DualCriminality,
    IReadOnlyList<string> Languages,
    string? Channel,
    string? Role,
    string? Name)
{
    public const string RuleExcluded = "rule_excluded";
    public const string DualCriminalityRequired = "dual_criminality";
    public const string LanguagesType = "languages";
    public const string ChannelType = "channel";
    public const string Authority = "authority";
    public const string NotApplicableTerritory = "not_applicable_territory";

    public static readonly IReadOnlyList<string> Types = [RuleExcluded, DualCriminalityRequired, LanguagesType, ChannelType, Authority, NotApplicableTerritory];

    public static readonly IReadOnlyList<string> Sides = ["requested", "requesting", "both"];

    /// <summary>Whether the effect reaches a request where the declaring party is the <paramref name="requested"/> (else requesting) side.</summary>
    public bool AppliesAs(bool requested) => Side == "both" || Side == (requested ? "requested" : "requesting");

    /// <summary>Whether the effect concerns <paramref name="ruleId"/> / <paramref name="measure"/> (no rules and no measures listed: every rule).</summary>
    public bool Concerns(string ruleId, string measure) =>
        (Rules.Count == 0 && Measures.Count == 0) || Rules.Contains(ruleId, StringComparer.Ordinal) || Measures.Contains(measure, StringComparer.Ordinal);
}
