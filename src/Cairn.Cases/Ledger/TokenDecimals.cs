namespace Cairn.Cases.Ledger;

/// <summary>The decimals a token (not a chain's native coin) was first recorded with in a case.</summary>
public sealed record TokenDecimals(string Chain, string Token, int Decimals);
