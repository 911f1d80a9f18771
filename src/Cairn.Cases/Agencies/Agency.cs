namespace Cairn.Cases.Agencies;

/// <summary>
/// An authority in the installation's registry: police unit, prosecution service, FIU, asset-recovery
/// office or court. <paramref name="State"/> is ISO 3166-1 alpha-2 ("" until known); <paramref name="Kind"/>
/// is null only for the installation's own agency until an admin completes its entry. Cases can be
/// shared only with registered agencies, and accounts belong to one.
/// </summary>
public sealed record Agency(string Code, string Name, string State, AgencyKind? Kind);
