namespace Cairn.Workspace.Exchange;

/// <summary>
/// A received deconfliction message checked against the agency's case addresses: what it was (match_filter or match_hit), from which
/// node, how many of our addresses were compared, how many hit (each now a partner hit notice), how many contact requests it carried,
/// the answer sent back (a match_filter with hits is answered), and the false positives expected by chance.
/// </summary>
public sealed record FilterChecked(string MessageId, string Type, string Partner, int Compared, int Hits, int ContactRequests, string? AnswerMessageId, double ExpectedFalsePositives);
