namespace Cairn.Workspace.Exchange;

/// <summary>A match filter sealed for a partner and queued in the outbox: its id, the message, the number of addresses, its size and false-positive rate.</summary>
public sealed record FilterPublished(string FilterId, string MessageId, string To, long Entries, long Bits, int HashFunctions, double ExpectedFalsePositiveRate, int SizeBytes);
