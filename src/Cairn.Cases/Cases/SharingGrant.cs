namespace Cairn.Cases.Cases;

/// <summary>
/// An explicit grant that lets <paramref name="Agency"/> see a case owned by another agency.
/// Grants are recorded in the custody log (action "case.share") like every other change.
/// </summary>
public sealed record SharingGrant(string Agency, string GrantedBy, string GrantingAgency, DateTimeOffset GrantedAt);
