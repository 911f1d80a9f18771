namespace Cairn.Legal.Reference;

/// <summary>
/// A reservation or declaration a party made under an article. <see cref="Effect"/> is set when it
/// changes a route answer (a rule excluded, dual criminality required, languages, channel, an
/// authority); otherwise it is shown as text only.
/// </summary>
public sealed record Declaration(
    string Id,
    string Kind,
    string Article,
    string Summary,
    DeclarationEffect? Effect,
    string? Source,
    bool Verified);
