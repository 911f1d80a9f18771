namespace Cairn.Legal.Requests;

/// <summary>
/// What the tracing engine hands to drafting: an endpoint attributed to a service in a jurisdiction,
/// the addresses and transactions that show it, and the amounts that reached it.
/// </summary>
public sealed record TraceFinding(
    string Jurisdiction,
    string ActorName,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> TransactionIds,
    IReadOnlyList<AssetAmount> Amounts);
