namespace Cairn.Legal.Reference;

/// <summary>How a request travels; the strings are those used in the data files.</summary>
public static class Channels
{
    public const string CentralAuthority = "central_authority";
    public const string Contact247 = "contact_24_7";
    public const string DirectToProvider = "direct_to_provider";
    public const string JudicialToJudicial = "judicial_to_judicial";
    public const string FiuToFiu = "fiu_to_fiu";
    public const string Diplomatic = "diplomatic";

    /// <summary>Asset recovery office to asset recovery office (Directive (EU) 2024/1260; Council Decision 2007/845/JHA).</summary>
    public const string AroToAro = "aro_to_aro";

    /// <summary>Contact points of an informal network (CARIN, the regional ARINs): not a legal basis.</summary>
    public const string NetworkContactPoint = "network_contact_point";

    public static readonly IReadOnlyList<string> All = [CentralAuthority, Contact247, DirectToProvider, JudicialToJudicial, FiuToFiu, Diplomatic, AroToAro, NetworkContactPoint];

    /// <summary>
    /// The contact role that receives a request sent through <paramref name="channel"/>; null for a
    /// direct order to a provider (addressed to the provider itself, Reg 2023/1543 Art 7; CETS 224 Art 7).
    /// </summary>
    public static string? AddresseeRole(string channel) => channel switch
    {
        CentralAuthority or Diplomatic => ContactRoles.CentralAuthority,
        Contact247 => ContactRoles.Contact247,
        FiuToFiu => ContactRoles.Fiu,
        JudicialToJudicial => ContactRoles.ExecutingAuthority,
        AroToAro or NetworkContactPoint => ContactRoles.AssetRecoveryOffice,
        _ => null,
    };
}
