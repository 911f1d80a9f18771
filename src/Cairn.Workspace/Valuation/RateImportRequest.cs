namespace Cairn.Workspace.Valuation;

/// <summary>A rate file to import: the asset and fiat currency it prices, who published the rates (required: values are cited with it) and the file.</summary>
public sealed record RateImportRequest(string? Asset, string? Currency, string? Source, string? Path);
