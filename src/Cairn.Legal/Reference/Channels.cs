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

    public static readonly IReadOnlyList<string> All = [CentralAuthority, Contact247, DirectToProvider, JudicialToJudicial, FiuToFiu, Diplomatic];
}
