using Cairn.Core;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Requests;

/// <summary>
/// Allowed transitions: draft → ready (only when complete) | withdrawn; ready → sent | draft | withdrawn;
/// sent → acknowledged | refused | withdrawn; acknowledged → executed | partially_executed | refused |
/// withdrawn; partially_executed → executed. Refusal needs a ground. Every change is a history event
/// (and, through the store, a custody-log entry).
/// </summary>
public static class RequestLifecycle
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Ready, RequestStatus.Withdrawn],
        [RequestStatus.Ready] = [RequestStatus.Sent, RequestStatus.Draft, RequestStatus.Withdrawn],
        [RequestStatus.Sent] = [RequestStatus.Acknowledged, RequestStatus.Refused, RequestStatus.Withdrawn],
        [RequestStatus.Acknowledged] = [RequestStatus.Executed, RequestStatus.PartiallyExecuted, RequestStatus.Refused, RequestStatus.Withdrawn],
        [RequestStatus.PartiallyExecuted] = [RequestStatus.Executed],
        [RequestStatus.Executed] = [],
        [RequestStatus.Refused] = [],
        [RequestStatus.Withdrawn] = [],
    };

    public static IReadOnlyList<RequestStatus> NextFrom(RequestStatus status) => Allowed[status];

    public static bool IsClosed(RequestStatus status) => Allowed[status].Length == 0 || status == RequestStatus.PartiallyExecuted;

    /// <summary>Moves <paramref name="request"/> to <paramref name="to"/> at <paramref name="at"/>, or throws naming what blocks it.</summary>
    public static void Transition(LegalRequest request, RequestStatus to, DateTimeOffset at, LegalReference reference, string? note = null, string? refusalGround = null) =>
        Transition(request, to, at, reference, note, refusalGround, null);

    /// <summary>
    /// Moves <paramref name="request"/> to <paramref name="to"/>, recorded by <paramref name="stamp"/>: the step happened at
    /// <paramref name="at"/>, which may be earlier than now (a request sent by post last week) but never later, and never
    /// before the request's previous step. Deadlines count from <paramref name="at"/>.
    /// </summary>
    public static void Transition(LegalRequest request, RequestStatus to, DateTimeOffset at, LegalReference reference, string? note, string? refusalGround, StatusStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (stamp is not null)
        {
            if (at > stamp.RecordedAt)
                throw CairnException.Invalid("at", $"the date it happened ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC) is in the future: record a step once it has happened");
            // Steps with the requested State happen in order; drafting and readiness are Cairn's own steps, so a request
            // sent on paper last week can be drafted and marked ready today and still be recorded as sent last week.
            if (request.History.LastOrDefault(e => e.Action == "status" && e.Status is not (RequestStatus.Draft or RequestStatus.Ready)) is { } previous && at < previous.At)
                throw CairnException.Invalid("at", $"request {request.Id} became {Name(previous.Status)} on {previous.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC: the next step cannot have happened before that");
        }
        if (!Allowed[request.Status].Contains(to))
            throw CairnException.Invalid("to", $"request {request.Id}: cannot go from {Name(request.Status)} to {Name(to)} (allowed: {string.Join(", ", Allowed[request.Status].Select(Name).DefaultIfEmpty("none"))})");
        if (to == RequestStatus.Ready)
        {
            var report = CompletenessChecker.Check(request, reference);
            if (!report.Complete)
                throw new CairnException($"request {request.Id} is incomplete: missing {string.Join("; ", report.Missing.Select(m => $"{m.Label} ({m.Citation})"))}");
        }
        if (to == RequestStatus.Refused)
        {
            if (string.IsNullOrWhiteSpace(refusalGround)) throw CairnException.Invalid("ground", $"request {request.Id}: a refusal needs the ground given by the requested state");
            request.RefusalGround = refusalGround;
        }
        request.Status = to;
        var foreign = string.IsNullOrWhiteSpace(stamp?.ForeignReference) ? null : stamp.ForeignReference.Trim();
        if (foreign is not null) request.ForeignReference = foreign;
        request.History.Add(new RequestEvent(at, "status", to, string.IsNullOrWhiteSpace(note) ? refusalGround : note)
        {
            By = stamp?.By, Agency = stamp?.Agency, RecordedAt = stamp?.RecordedAt, ForeignReference = foreign,
        });
    }

    public static string Name(RequestStatus status) => status switch
    {
        RequestStatus.PartiallyExecuted => "partially_executed",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static RequestStatus Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = text.Trim().ToLowerInvariant().Replace('-', '_');
        foreach (var status in Enum.GetValues<RequestStatus>())
            if (Name(status) == wanted) return status;
        throw CairnException.Invalid("to", $"unknown request status '{text}': expected one of {string.Join(", ", Enum.GetValues<RequestStatus>().Select(Name))}");
    }
}
