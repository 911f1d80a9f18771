namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>One file a data set was read from: where it is published, at which commit, under which licence, and its SHA-256.</summary>
public sealed record DataSource(string Repository, string Commit, string Path, string Licence, string Sha256);
