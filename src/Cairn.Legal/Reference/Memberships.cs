namespace Cairn.Legal.Reference;

/// <summary>How an instrument says who it binds (docs/legal-data.md, "Membership kinds").</summary>
public static class Memberships
{
    /// <summary>The parties list.</summary>
    public const string Listed = "listed";

    /// <summary>Every EU Member State except those excluded (Denmark and Ireland for the EIO).</summary>
    public const string EuMembersExcept = "eu_members_except";

    /// <summary>Treaties between a hub State and each listed partner (one file per hub).</summary>
    public const string BilateralHub = "bilateral_hub";

    /// <summary>Binds a pair made of the partner and an EU Member State not excluded (EU–UK Trade and Cooperation Agreement).</summary>
    public const string EuWithPartner = "eu_with_partner";

    public static readonly IReadOnlyList<string> All = [Listed, EuMembersExcept, BilateralHub, EuWithPartner];

    /// <summary>The code used for the European Union itself where it is a party (accepted only in party lists).</summary>
    public const string EuropeanUnion = "EU";
}
