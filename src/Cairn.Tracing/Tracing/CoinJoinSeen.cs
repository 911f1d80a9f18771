namespace Cairn.Tracing.Tracing;

/// <summary>A CoinJoin the trace met, with the rule that recognised it and whether the trace went through.</summary>
public sealed record CoinJoinSeen(string TxId, string Rule, double Confidence, string Detail, bool FollowedWithHaircut);
