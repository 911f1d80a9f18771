namespace Cairn.Cli.Views;

/// <summary>Who approved or rejected a pending disposal, in what role, when, and why it was rejected.</summary>
internal sealed record LedgerDecisionJson(string By, string Agency, string Role, DateTimeOffset At, string? Reason);
