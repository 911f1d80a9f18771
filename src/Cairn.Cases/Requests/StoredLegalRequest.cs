namespace Cairn.Cases.Requests;

/// <summary>
/// A legal request as stored: the JSON body written by Cairn.Legal plus the columns lists filter on.
/// Neither this library nor Cairn.Storage references Cairn.Legal: the application maps bodies to LegalRequest.
/// </summary>
public sealed record StoredLegalRequest(string Id, string? CaseReference, string RequestedState, string RequestType, string Status, string Body)
{
    public long Version { get; init; } = 1;

    /// <summary>The agency that drafted it (set when read from the store).</summary>
    public string? OwningAgency { get; init; }

    /// <summary>Its validations, oldest first (set when one request is read; empty in lists).</summary>
    public IReadOnlyList<StoredValidation> Validations { get; init; } = [];
}
