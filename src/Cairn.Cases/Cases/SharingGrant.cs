namespace Cairn.Cases.Cases;

/// <summary>
/// An explicit grant that lets <paramref name="Agency"/> see a case owned by another agency, at
/// <see cref="Level"/>. Grants and their revocation are recorded in the custody log ("case.share",
/// "case.revoke") like every other change, and the receiving agency is notified.
/// </summary>
public sealed record SharingGrant(string Agency, string GrantedBy, string GrantingAgency, DateTimeOffset GrantedAt)
{
    public GrantLevel Level { get; init; } = GrantLevel.Read;

    /// <summary>
    /// Whether the agency sees the subjects' personal data only as pseudonyms: names, identifiers and details of natural
    /// persons (and victims) replaced wherever they appear, stable per case and agency (docs/security.md). The owner sees them.
    /// </summary>
    public bool Pseudonymised { get; init; }
}
