namespace Cairn.Workspace.Victims;

/// <summary>
/// A victim's loss as people give it: chain and token, the amount exactly in base units (<c>amount</c>) or in units
/// (<c>amount_units</c>, with <c>decimals</c> for a token the chain registry does not list), the transactions that prove it
/// (at least one) and a description.
/// </summary>
public sealed record VictimLossRequest(string? Chain, string? Token, string? Amount, string? AmountUnits, int? Decimals, IReadOnlyList<string>? TransactionIds, string? Description);
