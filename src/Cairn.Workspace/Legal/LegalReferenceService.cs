using Cairn.Core;
using Cairn.Legal.Checking;
using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Workspace.Legal;

/// <summary>
/// The legal reference data as a use case: routes between two States on a date, the data check
/// (`cairn legal check`) and the coverage table (`cairn legal coverage`). It needs no database: only the
/// reviewed data (built in, or the directory named by --legal-data / CAIRN_LEGAL_DATA).
/// </summary>
public sealed class LegalReferenceService
{
    private readonly TimeProvider _time;

    public LegalReferenceService(LegalReference reference, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Reference = reference;
        _time = time;
    }

    public LegalReference Reference { get; }

    /// <summary>The ranked routes; each parameter is checked once here and named in the error (from, to, measure, on).</summary>
    public RouteResult Route(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = State(request.From, "from");
        var to = State(request.To, "to");
        var measure = ValidationException.Required(request.Measure, "measure");
        try
        {
            measure = Measures.Parse(measure);
        }
        catch (CairnException ex)
        {
            throw new ValidationException("measure", ex.Message, ex);
        }
        return new RouteFinder(Reference, _time).Find(new RouteQuery(from, to, measure, request.Urgent ?? false, request.Offence, RouteDate.ParseOptional(request.On)));
    }

    public DataCheckView Check() => new(LegalDataChecker.Check(Reference));

    public CoverageView Coverage() => new(LegalCoverage.Rows(Reference), LegalCoverage.Unverified(Reference), LegalCoverage.Markdown(Reference));

    private string State(string? code, string field)
    {
        var text = ValidationException.Required(code, field).ToUpperInvariant();
        return Reference.IsKnownState(text)
            ? text
            : throw new ValidationException(field, $"unknown state code '{code}': not an ISO 3166-1 alpha-2 code Cairn knows");
    }
}
