namespace Cairn.Cases.Custody;

/// <summary>
/// What an auditor looks for in the custody log; each filter is optional. <see cref="CaseReference"/> matches the
/// entries about the case, its evidence, ledger events, saved traces and requests, and the refused calls whose path
/// names it (even a reference that does not exist); <see cref="Action"/> matches an action or an area ("case" matches
/// case.read, case.share, …); <see cref="From"/> and <see cref="To"/> bound the time (inclusive).
/// </summary>
public sealed record CustodySearch(string? CaseReference = null, string? User = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
