namespace Cairn.Legal.Reference;

/// <summary>
/// The depositary's own count of parties on <see cref="CountAsOf"/>: a complete list must hold exactly
/// as many parties (see <c>LegalDataChecker</c>). <see cref="Counts"/> says what the number counts.
/// </summary>
public sealed record Depositary(string Name, int Count, DateOnly CountAsOf, string Counts, string Source);
