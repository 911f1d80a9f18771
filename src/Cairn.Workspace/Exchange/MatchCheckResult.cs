namespace Cairn.Workspace.Exchange;

/// <summary>Our identifiers that hit a partner's filter (each a false positive with the filter's expected rate), and how many were checked.</summary>
public sealed record MatchCheckResult(string Publisher, int Checked, IReadOnlyList<string> Hits, double ExpectedFalsePositiveRate, double ExpectedFalseHits);
