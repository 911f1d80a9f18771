namespace Cairn.Cases.Agencies;

/// <summary>A person who acts in Cairn, always on behalf of one agency.</summary>
public sealed record User(string Login, string AgencyCode, string DisplayName);
