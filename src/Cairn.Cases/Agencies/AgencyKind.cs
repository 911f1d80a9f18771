namespace Cairn.Cases.Agencies;

/// <summary>What an agency in the registry is; cooperation routes and channels differ by kind (an FIU exchanges with FIUs, an ARO with AROs).</summary>
public enum AgencyKind
{
    Police,
    Prosecution,

    /// <summary>Financial intelligence unit.</summary>
    Fiu,

    /// <summary>Asset recovery office (Directive (EU) 2024/1260; Council Decision 2007/845/JHA).</summary>
    Aro,
    Court,
}
