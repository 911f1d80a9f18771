namespace Cairn.Workspace.Tracing;

/// <summary>A rate table a report's fiat values were taken from: what it prices, its source, the imported file's hash, who imported it and when.</summary>
public sealed record RateTableView(string Id, string Asset, string Currency, string Source, string FileSha256, string FirstDate, string LastDate, string ImportedBy, DateTimeOffset ImportedAt);
