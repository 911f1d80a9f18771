namespace Cairn.Legal.Requests;

/// <summary>
/// A deadline of one request with its due date. State: not_started (its starting step has not
/// happened), no_fixed_period, pending, due_soon, overdue, met, closed (request finished).
/// </summary>
public sealed record ComputedDeadline(string RequestId, string DeadlineId, string Label, string Kind, DateTimeOffset? Due, string State, string Citation);
