namespace Cairn.Cases.Agencies;

/// <summary>
/// An authority that owns or shares cases: police unit, prosecutor, central authority, FIU,
/// asset-recovery office. <paramref name="Country"/> is ISO 3166-1 alpha-2 (empty when unknown).
/// </summary>
public sealed record Agency(string Code, string Name, string Country);
