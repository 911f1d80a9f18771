namespace Cairn.Workspace.Valuation;

/// <summary>Rates sent to the API: the asset and currency, the rates' publisher, a file name for the record, and the <c>date,rate</c> lines.</summary>
public sealed record RateUpload(string? Asset, string? Currency, string? Source, string? FileName, string? Csv);
