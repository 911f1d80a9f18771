namespace Cairn.Legal.Loading;

/// <summary>A data file's path relative to data/legal (e.g. "instruments/eio.yaml") and its text.</summary>
internal sealed record DataFile(string Name, string Text);
