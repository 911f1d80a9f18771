namespace Cairn.Cases.Requests;

/// <summary>
/// A validation of a legal request as stored (Legal/Migrations/031_request_validations.sql): who of which agency in
/// which role, when, the SHA-256 of the request's text they validated, the citation of the rule that required it,
/// and the stored version of the request they saw.
/// </summary>
public sealed record StoredValidation(string RequestId, string ValidatedBy, string Agency, string Role, DateTimeOffset ValidatedAt, string ContentSha256, string Citation)
{
    public long RequestVersion { get; init; }
}
