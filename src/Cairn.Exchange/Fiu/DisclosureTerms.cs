namespace Cairn.Exchange.Fiu;

/// <summary>
/// The conditions an FIU attaches to information it discloses (Egmont Group, Principles for
/// Information Exchange between FIUs, 2013, section "Unauthorised use": information may be used
/// only for the purpose for which it was sought or provided, and passed on or used for other
/// purposes only with the disclosing FIU's prior consent; FATF Recommendation 40 and its
/// Interpretive Note say the same). <see cref="OnwardConsent"/> lists agencies the disclosing
/// FIU consents in advance to receive it onward.
/// </summary>
public sealed record DisclosureTerms
{
    public required string DisclosingAgency { get; init; }

    /// <summary>The purpose the information may be used for, e.g. "analysis of suspected ransomware proceeds".</summary>
    public required string Purpose { get; init; }

    /// <summary>Handling codes, e.g. "intelligence_only", "no_court_use", "tlp_amber".</summary>
    public IReadOnlyList<string> HandlingRestrictions { get; init; } = [];

    /// <summary>Agency codes the disclosing FIU consented to onward dissemination to, at the time of disclosure.</summary>
    public IReadOnlyList<string> OnwardConsent { get; init; } = [];
}
