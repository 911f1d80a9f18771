using Cairn.Core;

namespace Cairn.Cases.Cases;

/// <summary>
/// Kinds of subject identifiers. They are what requests to providers and FIUs ask about (Budapest
/// Convention Art 18(3) subscriber information; IVMS101 national identification types), so each
/// is kept apart rather than in free text.
/// </summary>
public static class IdentifierKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "passport", "national_id", "driving_licence", "date_of_birth", "company_registration", "tax_id", "lei", "email", "phone",
        "iban", "exchange_account", "online_account", "ip_address", "postal_address", "other",
    ];

    /// <summary>The kind named <paramref name="kind"/>, or an error on field <paramref name="field"/> listing the kinds.</summary>
    public static string Parse(string? kind, string field)
    {
        var normalised = string.Join('_', (kind ?? "").Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        return All.Contains(normalised, StringComparer.Ordinal) ? normalised
            : throw CairnException.Invalid(field, $"identifier kind '{kind}' is not one of {string.Join(", ", All)}");
    }
}
