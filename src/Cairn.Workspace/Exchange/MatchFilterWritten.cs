namespace Cairn.Workspace.Exchange;

/// <summary>A filter written: file, entries, bits, hash functions, target and expected false-positive rates, size.</summary>
public sealed record MatchFilterWritten(string File, long Entries, long Bits, int HashFunctions, double TargetFalsePositiveRate, double ExpectedFalsePositiveRate, int SizeBytes);
