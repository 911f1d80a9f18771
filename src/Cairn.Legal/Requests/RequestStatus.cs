namespace Cairn.Legal.Requests;

/// <summary>Lifecycle states of a request (DESIGN.md, legal cooperation model).</summary>
public enum RequestStatus
{
    Draft,
    Ready,
    Sent,
    Acknowledged,
    Executed,
    PartiallyExecuted,
    Refused,
    Withdrawn,
}
