using Cairn.Legal.Reference;

namespace Cairn.Legal.Requests;

/// <summary>
/// Computes each deadline of a request from the instrument's rule and the dates of its steps
/// ("sent", "acknowledged" = receipt by the requested State, or the latest date of another deadline),
/// in calendar days or hours as the instrument says, and classifies it against now (TimeProvider).
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly LegalReference _reference;
    private readonly TimeProvider _time;

    public DeadlineCalculator(LegalReference reference, TimeProvider time)
    {
        _reference = reference;
        _time = time;
    }

    /// <summary>How close counts as "due soon": 7 days for day limits, 12 hours for hour limits.</summary>
    public static TimeSpan DueSoonWindow(DeadlineUnit unit) => unit == DeadlineUnit.Hours ? TimeSpan.FromHours(12) : TimeSpan.FromDays(7);

    public IReadOnlyList<ComputedDeadline> Compute(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, rule) = _reference.RuleBetween(request.RuleId, request.RequestingState, request.RequestedState);
        var now = _time.GetUtcNow();
        var dues = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var result = new List<ComputedDeadline>();
        foreach (var deadline in rule.DeadlinesFor(request.Urgent))
        {
            var start = deadline.From switch
            {
                "sent" => request.DateOf(RequestStatus.Sent),
                "acknowledged" => request.DateOf(RequestStatus.Acknowledged),
                _ => dues.GetValueOrDefault(deadline.From["deadline:".Length..]),
            };
            DateTimeOffset? due = start is { } s && deadline.HasFixedPeriod ? s + deadline.Length : null;
            dues[deadline.Id] = due;
            result.Add(new ComputedDeadline(request.Id, deadline.Id, deadline.Label, deadline.Kind, due, Classify(request, deadline, start, due, now), deadline.Citation));
        }
        return result;
    }

    /// <summary>Every overdue or due-soon deadline of open requests, soonest first: the reminder list.</summary>
    public IReadOnlyList<ComputedDeadline> Reminders(IEnumerable<LegalRequest> requests) =>
        requests.SelectMany(Compute).Where(d => d.State is "overdue" or "due_soon").OrderBy(d => d.Due).ToList();

    private static string Classify(LegalRequest request, DeadlineRule deadline, DateTimeOffset? start, DateTimeOffset? due, DateTimeOffset now)
    {
        if (RequestLifecycle.IsClosed(request.Status)) return "closed";
        // The EIO acknowledgement limit (Art 16(1)) is met by the acknowledgement itself.
        if (deadline.Id == "acknowledge_receipt" && request.DateOf(RequestStatus.Acknowledged) is not null) return "met";
        if (start is null) return "not_started";
        if (due is null) return "no_fixed_period";
        if (now > due) return "overdue";
        return due - now <= DueSoonWindow(deadline.Unit) ? "due_soon" : "pending";
    }
}
