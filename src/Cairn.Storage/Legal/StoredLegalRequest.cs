namespace Cairn.Storage.Legal;

/// <summary>
/// A legal request as stored: the JSON body written by Cairn.Legal plus the columns lists filter on.
/// Cairn.Storage does not reference Cairn.Legal; the CLI and server map bodies to LegalRequest.
/// </summary>
public sealed record StoredLegalRequest(string Id, string? CaseReference, string RequestedState, string RequestType, string Status, string Body)
{
    public long Version { get; init; } = 1;
}
