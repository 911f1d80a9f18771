namespace Cairn.Legal.Reference;

/// <summary>Roles of the authorities in data/legal/contacts.yaml and in `authority` declaration effects.</summary>
public static class ContactRoles
{
    public const string CentralAuthority = "central_authority";
    public const string Contact247 = "contact_24_7";
    public const string Fiu = "fiu";
    public const string AssetRecoveryOffice = "asset_recovery_office";
    public const string ExecutingAuthority = "executing_authority";
    public const string EppoDelegated = "eppo_delegated";

    public static readonly IReadOnlyList<string> All = [CentralAuthority, Contact247, Fiu, AssetRecoveryOffice, ExecutingAuthority, EppoDelegated];

    /// <summary>Words for people (UI, documents): "central authority", "24/7 point of contact", …</summary>
    public static string Describe(string role) => role switch
    {
        CentralAuthority => "central authority",
        Contact247 => "24/7 point of contact",
        Fiu => "financial intelligence unit",
        AssetRecoveryOffice => "asset recovery office",
        ExecutingAuthority => "competent executing authority",
        EppoDelegated => "European Delegated Prosecutor",
        _ => role.Replace('_', ' '),
    };
}
