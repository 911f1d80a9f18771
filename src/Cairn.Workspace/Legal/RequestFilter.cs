using Cairn.Core;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Legal;

/// <summary>
/// Which of the agency's requests to list: of one case, in one status, to one State, under one instrument, or with a deadline
/// that is overdue, due soon, or running at all (<c>due</c>: overdue, due_soon, any). Each filter is optional.
/// </summary>
public sealed record RequestFilter(string? CaseReference = null, string? Status = null, string? State = null, string? Instrument = null, string? Due = null)
{
    public static readonly IReadOnlyList<string> DueValues = ["overdue", "due_soon", "any"];

    /// <summary>The filter with each given value checked and normalised (errors name the query parameter).</summary>
    public RequestFilter Checked()
    {
        var status = string.IsNullOrWhiteSpace(Status) ? null : RequestLifecycle.Name(Parse(Status));
        var due = string.IsNullOrWhiteSpace(Due) ? null : Due.Trim().ToLowerInvariant().Replace('-', '_');
        if (due is not null && !DueValues.Contains(due)) throw new ValidationException("due", $"due '{Due}' is not one of {string.Join(", ", DueValues)}");
        return new RequestFilter(string.IsNullOrWhiteSpace(CaseReference) ? null : CaseReference.Trim(), status,
            string.IsNullOrWhiteSpace(State) ? null : State.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(Instrument) ? null : Instrument.Trim(), due);
    }

    private static RequestStatus Parse(string text)
    {
        try { return RequestLifecycle.Parse(text); }
        catch (CairnException ex) { throw new ValidationException("status", ex.Message, ex); }
    }
}
