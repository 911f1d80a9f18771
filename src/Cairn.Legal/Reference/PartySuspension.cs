namespace Cairn.Legal.Reference;

/// <summary>A period in which a party's participation or a bilateral treaty is suspended; <see cref="To"/> null = still suspended.</summary>
public sealed record PartySuspension(DateOnly From, DateOnly? To, string? Note, string? Source)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date < To);
}
