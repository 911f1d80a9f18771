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

    /// <summary>Drafts one request per State and measure for a case from one of its saved traces (the newest when none is named).</summary>
    public async Task<DraftedRequests> DraftFromTraceAsync(Actor actor, string caseReference, DraftRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = ValidationException.Required(request.From, "from").ToUpperInvariant();
        var measures = request.Measures is { Count: > 0 } m ? m : throw new ValidationException("measures", "field 'measures' needs at least one measure");
        var theCase = await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var saved = request.TraceId is { } id ? await _traces.GetAsync(actor, caseReference, id, cancellationToken).ConfigureAwait(false)
            : await _traces.LatestAsync(actor, caseReference, cancellationToken).ConfigureAwait(false)
              ?? throw new ValidationException("trace_id", $"case '{caseReference}' has no saved trace to draft from: save a trace first");
        var findings = TraceFindings.From(saved.Report);
        if (findings.Count == 0) throw new ValidationException("trace_id", $"trace {saved.Trace.Id} reached no attributed service in a known jurisdiction: nothing to request");
        if (request.To is { } to)
        {
            // Drafting on one route (the route explorer): only the findings in the requested State.
            findings = findings.Where(f => string.Equals(f.Jurisdiction, to, StringComparison.OrdinalIgnoreCase)).ToList();
            if (findings.Count == 0) throw new ValidationException("to", $"trace {saved.Trace.Id} reached no attributed service in '{to}': nothing to request there");
        }
        var drafted = await DraftAsync(actor, new DraftInput(caseReference, from, findings, measures, request.Urgent ?? false, request.Language,
            request.Authority, request.Offence, theCase.OffenceType, request.RuleId, request.RouteRank, RouteDate.ParseOptional(request.On)), cancellationToken).ConfigureAwait(false);
        return View(drafted);
    }

    /// <summary>One page of the agency's requests (of one case when <paramref name="caseReference"/> is given; reading it is then a read of the case).</summary>
    public async Task<Page<RequestSummary>> ListAsync(Actor actor, string? caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (caseReference is not null) await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var stored = await _store.ListAsync(actor, caseReference, page, cancellationToken).ConfigureAwait(false);
        return stored.Map(r => Summary(FromStored(r)));
    }

    /// <summary>One page of the overdue and due-soon deadlines of the agency's requests.</summary>
    public async Task<Page<ComputedDeadline>> DueAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Slice(Reminders(await ListAsync(actor, null, cancellationToken).ConfigureAwait(false)));
    }

    public async Task<RequestDetail> DetailAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var (request, version) = await GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var (_, rule) = Reference.Rule(request.RuleId);
        return new RequestDetail(request, version, RequestLifecycle.Name(request.Status), Check(request), Deadlines(request), rule.RequiredContents);
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
        var request = move?.To is { } to
            ? await TransitionAsync(actor, id, to, move.At, move.Note, move.Ground, cancellationToken).ConfigureAwait(false)
            : (await GetAsync(actor, id, cancellationToken).ConfigureAwait(false)).Request;
        return new RequestStatusView(request.Id, RequestLifecycle.Name(request.Status), request.RefusalGround, Deadlines(request), request.History);
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

    /// <summary>Parses a status time given as text (ISO 8601).</summary>
    public static DateTimeOffset? ParseTime(string? text) => text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : throw new ValidationException("at", $"malformed at '{text}': expected an ISO 8601 date/time");

    public RequestSummary Summary(LegalRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var deadlines = Deadlines(r);
        return new RequestSummary(r.Id, r.CaseReference, r.RequestType, r.RequestingState, r.RequestedState, r.Measure, RequestLifecycle.Name(r.Status), r.LegalBasis,
            r.Channel, r.Urgent, r.RuleId, r.Language, r.Addressee?.Description(r.RequestedState), r.FormId, r.RouteRank, Check(r).Complete,
            deadlines.Where(d => d.Due is not null && d.State is "pending" or "due_soon" or "overdue").OrderBy(d => d.Due).FirstOrDefault(),
            deadlines.Any(d => d.State == "overdue"));
    }

    private DraftedRequests View(DraftResult result) => new(result.Drafts.Select(Summary).ToList(), result.Unroutable);

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
