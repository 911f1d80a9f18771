namespace Cairn.Legal.Requests;

/// <summary>
/// A typed cooperation request: its legal basis (instrument and rule from the route finder), the
/// content items keyed by the rule's content ids, the facts it carries, and its history.
/// Mutated only through <see cref="RequestLifecycle"/> and <see cref="SetContent"/>.
/// </summary>
public sealed class LegalRequest
{
    public required string Id { get; init; }
    public string? CaseReference { get; init; }
    public required string RequestType { get; init; }
    public required string RequestingState { get; init; }
    public required string RequestedState { get; init; }
    public required string Measure { get; init; }
    public required string InstrumentId { get; init; }
    public required string RuleId { get; init; }
    public required string LegalBasis { get; init; }
    public required string Channel { get; init; }
    public bool Urgent { get; init; }
    public string Language { get; init; } = "en";
    [System.Text.Json.Serialization.JsonInclude]
    public RequestStatus Status { get; internal set; } = RequestStatus.Draft;
    [System.Text.Json.Serialization.JsonInclude]
    public string? RefusalGround { get; internal set; }

    /// <summary>The requested State's own reference for the request (given with a status change, e.g. on acknowledgement).</summary>
    [System.Text.Json.Serialization.JsonInclude]
    public string? ForeignReference { get; internal set; }

    /// <summary>The saved trace the request was drafted from (drafts name the trace they use).</summary>
    public string? SourceTraceId { get; set; }
    public Dictionary<string, string> Contents { get; init; } = new(StringComparer.Ordinal);
    public List<TraceFinding> Findings { get; init; } = [];
    public List<RequestEvent> History { get; init; } = [];

    public DateTimeOffset? DateOf(RequestStatus status) => History.LastOrDefault(e => e.Action == "status" && e.Status == status)?.At;

    public void SetContent(string id, string text)
    {
        if (Status != RequestStatus.Draft) throw new Core.CairnException($"request {Id} is {Status.ToString().ToLowerInvariant()}: contents can only change in draft");
        Contents[id] = text;
    }
}
