namespace Cairn.Cases.Cases;

/// <summary>
/// A person or organisation the case is about, with what it is to the case (<see cref="Role"/>) and
/// its identifiers. <see cref="Id"/> is stable within the case, so a subject can be changed or removed
/// while others are added.
/// </summary>
public sealed record CaseSubject(SubjectKind Kind, string Name, string Details)
{
    public string Id { get; init; } = "";

    public SubjectRole Role { get; init; } = SubjectRole.Other;

    public IReadOnlyList<SubjectIdentifier> Identifiers { get; init; } = [];

    /// <summary>Equal when every field and every identifier (in order) is equal.</summary>
    public bool Equals(CaseSubject? other) =>
        other is not null && Kind == other.Kind && Name == other.Name && Details == other.Details && Id == other.Id && Role == other.Role
        && Identifiers.SequenceEqual(other.Identifiers);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, Details, Id, Role, Identifiers.Count);
}
