namespace Cairn.Workspace.Exchange;

/// <summary>A goAML report written: case, file, SHA-256 (also in the custody log), transactions and parties reported.</summary>
public sealed record GoAmlExport(string Case, string File, string Sha256, int Transactions, int Parties);
