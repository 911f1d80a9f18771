using Cairn.Core;

namespace Cairn.Cases.Cases;

/// <summary>
/// The offence types a case is opened under, as codes. Free text is allowed only as <see cref="Other"/>
/// with its description: routes depend on the offence (UNCAC applies only to the offences of its
/// Arts 15-25, Art 3(1)), so the codes of its scope (corruption, bribery, embezzlement,
/// money_laundering) are spelled as the legal data spells them.
/// </summary>
public static class OffenceTypes
{
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        "ransomware", "extortion", "fraud", "investment_fraud", "business_email_compromise", "theft", "money_laundering",
        "corruption", "bribery", "embezzlement", "drug_trafficking", "darknet_market", "sanctions_evasion", "terrorist_financing",
        "child_sexual_exploitation", "cybercrime", Other,
    ];

    /// <summary>The code of <paramref name="code"/> (any case; spaces and '-' read as '_') and, for <see cref="Other"/>, its required description.</summary>
    public static (string Code, string Detail) Parse(string? code, string? detail)
    {
        var text = code?.Trim() ?? "";
        if (text.Length == 0) throw CairnException.Invalid("offence_type", "field 'offence_type' is required");
        var normalised = string.Join('_', text.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        if (!All.Contains(normalised, StringComparer.Ordinal))
            throw CairnException.Invalid("offence_type", $"offence type '{text}' is not in the list ({string.Join(", ", All)}); for another offence choose '{Other}' and describe it");
        var described = detail?.Trim() ?? "";
        if (normalised == Other && described.Length == 0) throw CairnException.Invalid("offence_detail", "describe the offence when its type is 'other'");
        if (described.Length > 500) throw CairnException.Invalid("offence_detail", "the offence description is longer than 500 characters");
        return (normalised, normalised == Other ? described : "");
    }
}
