namespace Cairn.Legal.Reference;

/// <summary>
/// An ISO 3166-1 entry with what cooperation needs: who receives requests, the 24/7 point of contact
/// (Budapest Art 35), the FIU and the languages requests are accepted in. Unknown facts are null.
/// </summary>
public sealed record Jurisdiction(
    string Code,
    string Name,
    string Alpha3,
    bool Independent,
    bool EuMember,
    IReadOnlyList<string> OfficialLanguages,
    SourcedValue? CentralAuthority,
    SourcedValue? Contact247,
    SourcedValue? Fiu,
    SourcedValue? AcceptedLanguages);
