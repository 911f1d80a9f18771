namespace Cairn.Legal.Requests;

/// <summary>Who records a status change, of which agency, when (now), and the requested State's reference for the request if it gave one.</summary>
public sealed record StatusStamp(string By, string Agency, DateTimeOffset RecordedAt, string? ForeignReference = null);
