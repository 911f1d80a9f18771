namespace Cairn.Legal.Requests;

/// <summary>
/// One step in a request's history: a status change or a content edit, when it happened
/// (<see cref="At"/>, which a person may back-date for a step taken outside Cairn) and why. Status
/// changes also say who recorded them (<see cref="By"/> of <see cref="Agency"/>), when they were
/// recorded (<see cref="RecordedAt"/>), and the requested State's reference (<see cref="ForeignReference"/>).
/// </summary>
public sealed record RequestEvent(DateTimeOffset At, string Action, RequestStatus Status, string? Note)
{
    public string? By { get; init; }

    public string? Agency { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public string? ForeignReference { get; init; }
}
