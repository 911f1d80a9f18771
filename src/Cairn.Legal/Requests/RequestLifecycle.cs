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
    public static void Transition(LegalRequest request, RequestStatus to, DateTimeOffset at, LegalReference reference, string? note = null, string? refusalGround = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Allowed[request.Status].Contains(to))
            throw new CairnException($"request {request.Id}: cannot go from {Name(request.Status)} to {Name(to)} (allowed: {string.Join(", ", Allowed[request.Status].Select(Name).DefaultIfEmpty("none"))})");
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
        request.History.Add(new RequestEvent(at, "status", to, note ?? refusalGround));
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
        throw new CairnException($"unknown request status '{text}': expected one of {string.Join(", ", Enum.GetValues<RequestStatus>().Select(Name))}");
    }
}
