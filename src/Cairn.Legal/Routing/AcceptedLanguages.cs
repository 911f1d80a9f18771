namespace Cairn.Legal.Routing;

/// <summary>
/// Languages (ISO 639-3) in which the requested State accepts the request on a route, and where that
/// comes from: a declaration under the instrument, the contact's record, the instrument's own default,
/// or nothing recorded (<see cref="Languages"/> empty).
/// </summary>
public sealed record AcceptedLanguages(IReadOnlyList<string> Languages, string Basis, bool Verified)
{
    public static AcceptedLanguages NotRecorded { get; } = new([], "not recorded", false);

    public bool Known => Languages.Count > 0;
}
