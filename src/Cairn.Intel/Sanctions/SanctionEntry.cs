namespace Cairn.Intel.Sanctions;

/// <summary>
/// One entry of OFAC's Specially Designated Nationals list, as far as the legacy SDN.CSV
/// carries it: entry number (<c>ent_num</c>), name, type (individual, vessel…; null for
/// entities, which the CSV writes as <c>-0-</c>) and sanctions programmes (e.g. CYBER2, DPRK3).
/// </summary>
public sealed record SanctionEntry
{
    public required int EntryNumber { get; init; }

    public required string Name { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<string> Programs { get; init; } = [];

    public bool Equals(SanctionEntry? other) =>
        other is not null && EntryNumber == other.EntryNumber && Name == other.Name && Type == other.Type
        && Programs.SequenceEqual(other.Programs, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(EntryNumber, Name);
}
