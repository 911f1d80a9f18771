namespace Cairn.Intel.Screening;

/// <summary>What a sanctions hit carries: the list, the SDN entry (or "name unavailable"), programmes and list date.</summary>
public sealed record SanctionDetails(string ListName, string EntryName, int? EntryNumber, IReadOnlyList<string> Programs, DateOnly? ListDate);
