using System.Globalization;
using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Legal.Requests;
using Cairn.Legal.Routing;
using Cairn.Workspace.Tracing;

namespace Cairn.Workspace.Legal;

/// <summary>Routes, drafting from findings or a saved trace, and the views the CLI and the API show of requests.</summary>
public sealed partial class LegalRequestService
{
    /// <summary>Drafts from a findings file (JSON list of trace findings, docs/legal.md).</summary>
    public async Task<DraftedRequests> DraftFromFileAsync(Actor actor, string findingsPath, DraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = ReadFindings(ValidationException.Required(findingsPath, "findings"));
        return View(await DraftAsync(actor, input with { Findings = findings }, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Drafts one request per State and measure for a case from one of its saved traces, named by <c>trace_id</c> or else the
    /// newest saved by the drafting agency itself. Needs contribute access to the case. When requests to the same State already
    /// exist for the case (of another agency, or of this one for the same measure), nothing is drafted until the overlap is
    /// acknowledged; the other agencies are then notified.
    /// </summary>
    public async Task<DraftedRequests> DraftFromTraceAsync(Actor actor, string caseReference, DraftRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var from = ValidationException.Required(request.From, "from").ToUpperInvariant();
        var measures = request.Measures is { Count: > 0 } m ? m : throw new ValidationException("measures", "field 'measures' needs at least one measure");
        // A JSON body can hold null in the list ("measures": [null]): refused on one line naming the item, not a 500 (found by the
        // API fuzz pass of session 11, issue 17).
        for (var n = 0; n < measures.Count; n++)
            if (measures[n] is null) throw new ValidationException($"measures[{n}]", $"item {n + 1} of 'measures' is null, not a measure");
        var theCase = await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        if (theCase.AccessOf(actor.Agency) < Cairn.Cases.Cases.CaseAccess.Contribute)
            throw new ForbiddenException($"agency '{actor.Agency}' has read-only access to case '{caseReference}': drafting requests needs a contribute share");
        var saved = await BasisAsync(actor, caseReference, request.TraceId, cancellationToken).ConfigureAwait(false);
        var findings = TraceFindings.From(saved);
        if (findings.Count == 0) throw new ValidationException("trace_id", $"trace {saved.Trace.Id} reached no attributed service in a known jurisdiction: nothing to request");
        if (request.To is { } to)
        {
            // Drafting on one route (the route explorer): only the findings in the requested State.
            findings = findings.Where(f => string.Equals(f.Jurisdiction, to, StringComparison.OrdinalIgnoreCase)).ToList();
            if (findings.Count == 0) throw new ValidationException("to", $"trace {saved.Trace.Id} reached no attributed service in '{to}': nothing to request there");
        }
        var result = new RequestDrafter(Reference, _time).Draft(new DraftInput(caseReference, from, findings, measures, request.Urgent ?? false, request.Language,
            request.Authority, request.Offence, theCase.OffenceType == Cairn.Cases.Cases.OffenceTypes.Other ? theCase.OffenceDetail : theCase.OffenceType,
            request.RuleId, request.RouteRank, RouteDate.ParseOptional(request.On)));
        foreach (var draft in result.Drafts) draft.SourceTraceId = saved.Trace.Id;
        var overlaps = await OverlapsAsync(actor, caseReference, result.Drafts, cancellationToken).ConfigureAwait(false);
        if (overlaps.Count > 0 && request.AcknowledgeOverlap != true)
            throw new ValidationException("acknowledge_overlap", "requests to the same State exist for this case: " +
                string.Join("; ", overlaps.Select(o => $"{o.Existing.Id} to {o.Existing.RequestedState} ({o.Existing.Measure}, {o.Existing.Status}) by {o.Existing.Agency}")) +
                ". Check with the other agency before drafting another, then confirm");
        var drafted = await SaveDraftsAsync(actor, result, cancellationToken).ConfigureAwait(false);
        await NotifyOverlapsAsync(actor, caseReference, drafted.Drafts, overlaps, cancellationToken).ConfigureAwait(false);
        return View(drafted);
    }

    /// <summary>The trace a draft rests on: the one named, else the newest this agency saved (never another agency's unless named).</summary>
    private async Task<SavedTraceView> BasisAsync(Actor actor, string caseReference, string? traceId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(traceId)) return await _traces.GetAsync(actor, caseReference, traceId.Trim(), cancellationToken).ConfigureAwait(false);
        var own = (await _traces.ListAsync(actor, caseReference, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items.FirstOrDefault(t => t.Agency == actor.Agency)
            ?? throw new ValidationException("trace_id", $"your agency has saved no trace in case '{caseReference}': save one, or name the trace to draft from");
        return await _traces.GetAsync(actor, caseReference, own.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of the agency's requests matching <paramref name="filter"/> (reading one case's is a read of the case).</summary>
    public async Task<Page<RequestSummary>> ListAsync(Actor actor, RequestFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var f = filter.Checked();
        if (f.CaseReference is not null) await _cases.GetAsync(actor, f.CaseReference, cancellationToken).ConfigureAwait(false);
        if (f.Instrument is null && f.Due is null)
            return (await _store.SearchAsync(actor, f.CaseReference, f.Status, f.State, page, cancellationToken).ConfigureAwait(false)).Map(r => Summary(FromStored(r)));
        // Instrument and deadlines live in the request body and in time: filtered here, over the rows the database narrowed.
        var rows = (await _store.SearchAsync(actor, f.CaseReference, f.Status, f.State, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
        var matching = rows.Select(FromStored).Where(r => f.Instrument is null || r.InstrumentId == f.Instrument).Select(Summary)
            .Where(r => f.Due switch
            {
                "overdue" => r.Overdue,
                "due_soon" => r.NextDeadline?.State == "due_soon",
                "any" => r.NextDeadline is not null,
                _ => true,
            }).ToList();
        return page.Slice(matching);
    }

    /// <summary>One page of the agency's requests (of one case when <paramref name="caseReference"/> is given; reading it is then a read of the case).</summary>
    public Task<Page<RequestSummary>> ListAsync(Actor actor, string? caseReference, PageRequest page, CancellationToken cancellationToken = default) =>
        ListAsync(actor, new RequestFilter(CaseReference: caseReference), page, cancellationToken);

    /// <summary>One page of the overdue and due-soon deadlines of the agency's requests.</summary>
    public async Task<Page<ComputedDeadline>> DueAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Slice(Reminders(await ListAsync(actor, null, cancellationToken).ConfigureAwait(false)));
    }

    public async Task<RequestDetail> DetailAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var request = FromStored(stored);
        var (_, rule) = Reference.RuleBetween(request.RuleId, request.RequestingState, request.RequestedState);
        var validation = ValidationView.Of(request, LatestValidation(stored));
        return new RequestDetail(request, stored.Version, RequestLifecycle.Name(request.Status), Check(request), Deadlines(request), rule.RequiredContents)
        {
            NextStatuses = NextStatuses(request, validation),
            Validation = validation,
        };
    }

    /// <summary>The stored request checked against its instrument's required contents; with <paramref name="edits"/>, as if they were saved (nothing is written).</summary>
    public async Task<CompletenessReport> CheckAsync(Actor actor, string id, IReadOnlyDictionary<string, string>? edits = null, CancellationToken cancellationToken = default)
    {
        var (request, _) = await GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        foreach (var (item, text) in edits ?? new Dictionary<string, string>()) request.Contents[item] = text;
        return Check(request);
    }

    /// <summary>A request's status and deadlines, after moving it when <paramref name="move"/> names a new status.</summary>
    public async Task<RequestStatusView> StatusAsync(Actor actor, string id, StatusRequest? move, CancellationToken cancellationToken = default)
    {
        var (request, latest) = move?.To is { } to
            ? await MoveAsync(actor, id, to, move.At, move.Note, move.Ground, move.ForeignReference, cancellationToken).ConfigureAwait(false)
            : await ReadAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var validation = ValidationView.Of(request, latest);
        return new RequestStatusView(request.Id, RequestLifecycle.Name(request.Status), request.RefusalGround, Deadlines(request), request.History)
        {
            ForeignReference = request.ForeignReference,
            NextStatuses = NextStatuses(request, validation),
            Validation = validation,
        };
    }

    private async Task<(LegalRequest Request, Cairn.Legal.Requests.Validation.RequestValidation? Validation)> ReadAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        return (FromStored(stored), LatestValidation(stored));
    }

    /// <summary>Renders a request (docx, pdf or json; default docx) and logs it with the file's hash.</summary>
    public async Task<RenderedRequest> RenderRequestAsync(Actor actor, string id, string? format, CancellationToken cancellationToken = default)
    {
        var kind = (format ?? "docx").ToLowerInvariant();
        var (bytes, sha256, contentType) = await RenderAsync(actor, id, kind, cancellationToken).ConfigureAwait(false);
        return new RenderedRequest(bytes, sha256, contentType, $"{id}.{kind}");
    }

    /// <summary>Renders a request to <paramref name="path"/> (default: &lt;id&gt;.&lt;format&gt; in the current directory).</summary>
    public async Task<RenderedFile> RenderToFileAsync(Actor actor, string id, string? format, string? path, CancellationToken cancellationToken = default)
    {
        var rendered = await RenderRequestAsync(actor, id, format, cancellationToken).ConfigureAwait(false);
        var target = Path.GetFullPath(path ?? rendered.FileName);
        await File.WriteAllBytesAsync(target, rendered.Bytes, cancellationToken).ConfigureAwait(false);
        return new RenderedFile(id, Path.GetExtension(rendered.FileName).TrimStart('.'), target, rendered.Sha256);
    }

    /// <summary>Parses a time given as text (ISO 8601 date, or date and time; UTC unless an offset is given), naming <paramref name="field"/> when malformed.</summary>
    public static DateTimeOffset? ParseTime(string? text, string field = "at") => text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : throw new ValidationException(field, $"malformed date '{text}': expected an ISO 8601 date or date and time");

    public RequestSummary Summary(LegalRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var deadlines = Deadlines(r);
        return new RequestSummary(r.Id, r.CaseReference, r.RequestType, r.RequestingState, r.RequestedState, r.Measure, RequestLifecycle.Name(r.Status), r.LegalBasis,
            r.Channel, r.Urgent, r.RuleId, r.Language, r.Addressee?.Description(r.RequestedState), r.FormId, r.RouteRank, Check(r).Complete,
            deadlines.Where(d => d.Due is not null && d.State is "pending" or "due_soon" or "overdue").OrderBy(d => d.Due).FirstOrDefault(),
            deadlines.Any(d => d.State == "overdue"))
        {
            InstrumentId = r.InstrumentId,
            ForeignReference = r.ForeignReference,
            SourceTraceId = r.SourceTraceId,
        };
    }

    internal DraftedRequests View(DraftResult result) => new(result.Drafts.Select(Summary).ToList(), result.Unroutable);

    private static List<TraceFinding> ReadFindings(string path)
    {
        if (!File.Exists(path)) throw new ValidationException("findings", $"findings file '{path}' does not exist");
        try
        {
            return JsonSerializer.Deserialize<List<TraceFinding>>(File.ReadAllText(path), LegalJson.Options) ?? [];
        }
        catch (JsonException ex)
        {
            throw new ValidationException("findings", $"{path}: malformed findings JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
