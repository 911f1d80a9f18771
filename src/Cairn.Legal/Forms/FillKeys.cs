namespace Cairn.Legal.Forms;

/// <summary>
/// What Cairn can fill a form field from (docs/legal-data.md, "Official forms"); the loader rejects any
/// other key. Table keys always go to an annex table in the rendered document, never into a text field.
/// </summary>
public static class FillKeys
{
    public static readonly IReadOnlyList<string> Tables = ["subjects", "assets", "transactions", "evidence"];

    public static readonly IReadOnlyList<string> All =
    [
        "case.reference", "case.title", "case.offence_type", "case.facts_summary", "issuing_state", "executing_state",
        "issuing_authority.name", "issuing_authority.address", "issuing_authority.phone", "issuing_authority.email",
        "issuing_authority.representative", "issuing_authority.languages",
        "validating_authority.name", "validating_authority.address", "validating_authority.phone", "validating_authority.email",
        "validating_authority.representative",
        "executing_authority.name", "executing_authority.address",
        "service_provider.name", "service_provider.address", "service_provider.email",
        "request.date", "request.reference", "request.measures", "request.urgency_reason", "request.deadline",
        "offence.legal_classification", "offence.description", "offence.max_penalty",
        "subjects", "assets", "transactions", "evidence", "estimated_value", "signature",
    ];

    public static bool IsKnown(string key) => All.Contains(key, StringComparer.Ordinal);

    public static bool IsTable(string key) => Tables.Contains(key, StringComparer.Ordinal);
}
