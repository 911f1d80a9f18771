using System.Security.Cryptography;
using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Legal.Documents;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using Cairn.Legal.Routing;
using Cairn.Cases.Cases;
using Cairn.Core.Paging;
using Cairn.Cases.Notifications;
using Cairn.Cases.Requests;
using Cairn.Workspace.Tracing;

namespace Cairn.Workspace.Legal;

/// <summary>
/// Legal requests kept in the database (with their custody entries) rather than loose files:
/// drafting from trace findings, filling content items, the completeness check, status moves
/// with their deadlines, and rendering. The request itself is Cairn.Legal's <see cref="LegalRequest"/>
/// stored as JSON; every change is version-checked so two editors cannot overwrite each other.
/// </summary>
public sealed partial class LegalRequestService
{
    private readonly ILegalRequestStore _store;
    private readonly TimeProvider _time;
    private readonly ICaseStore _cases;
    private readonly TraceService _traces;
    private readonly INotificationStore _notifications;

    public LegalRequestService(ILegalRequestStore store, LegalReference reference, TimeProvider time, ICaseStore cases, TraceService traces, INotificationStore notifications)
    {
        _notifications = notifications;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        _store = store;
        Reference = reference;
        _time = time;
        _cases = cases;
        _traces = traces;
    }

    public LegalReference Reference { get; }

    /// <summary>Drafts one request per requested State and measure and stores each (an id already taken gets -2, -3 …).</summary>
    public Task<DraftResult> DraftAsync(Actor actor, DraftInput input, CancellationToken cancellationToken = default) =>
        SaveDraftsAsync(actor, new RequestDrafter(Reference, _time).Draft(input), cancellationToken);

    private async Task<DraftResult> SaveDraftsAsync(Actor actor, DraftResult result, CancellationToken cancellationToken)
    {
        var saved = new List<LegalRequest>();
        foreach (var draft in result.Drafts)
        {
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? draft : WithId(draft, $"{draft.Id}-{n}");
                try
                {
                    await _store.CreateAsync(actor, ToStored(candidate), cancellationToken).ConfigureAwait(false);
                    saved.Add(candidate);
                    break;
                }
                catch (CairnException ex) when (ex.Message.Contains("already exists", StringComparison.Ordinal) && n < 100)
                {
                }
            }
        }
        return new DraftResult(saved, result.Unroutable);
    }

    public async Task<(LegalRequest Request, long Version)> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        return (FromStored(stored), stored.Version);
    }

    /// <summary>The agency's requests, of one case when <paramref name="caseReference"/> is given.</summary>
    public async Task<IReadOnlyList<LegalRequest>> ListAsync(Actor actor, string? caseReference = null, CancellationToken cancellationToken = default)
    {
        var all = await _store.ListAsync(actor, cancellationToken).ConfigureAwait(false);
        return all.Where(r => caseReference is null || r.CaseReference == caseReference).Select(FromStored).ToList();
    }

    /// <summary>Fills content item <paramref name="item"/> of a draft; returns the completeness report after the change.</summary>
    public async Task<CompletenessReport> SetContentAsync(Actor actor, string id, string item, string text, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        if (expectedVersion is { } expected && expected != stored.Version)
            throw new ConcurrencyException($"request '{id}' is at version {stored.Version}, not {expected}: reload and retry");
        var request = FromStored(stored);
        var (_, rule) = Reference.Rule(request.RuleId);
        var form = request.FormId is { } formId ? Reference.Form(formId) : null;
        if (!LegalRequest.IsSettable(item, rule, form))
            throw new ValidationException("item", $"'{item}' is not a content item of rule {rule.Id}{(form is null ? "" : $" nor a field of form {form.Id}")}: expected one of {string.Join(", ", rule.RequiredContents.Select(c => c.Id))}");
        request.SetContent(item, text);
        request.History.Add(new RequestEvent(_time.GetUtcNow(), "content", request.Status, item));
        await _store.UpdateAsync(actor, ToStored(request) with { Version = stored.Version }, "content", cancellationToken).ConfigureAwait(false);
        return CompletenessChecker.Check(request, Reference);
    }

    public CompletenessReport Check(LegalRequest request) => CompletenessChecker.Check(request, Reference);

    public IReadOnlyList<ComputedDeadline> Deadlines(LegalRequest request) => new DeadlineCalculator(Reference, _time).Compute(request);

    /// <summary>Overdue and due-soon deadlines across <paramref name="requests"/>.</summary>
    public IReadOnlyList<ComputedDeadline> Reminders(IEnumerable<LegalRequest> requests) => new DeadlineCalculator(Reference, _time).Reminders(requests).ToList();

    /// <summary>
    /// Moves a request to <paramref name="status"/> (see <see cref="RequestLifecycle"/> for the allowed moves), recording
    /// who did it, when it happened (<paramref name="when"/>, default now; back-dating allowed, never in the future) and the
    /// requested State's reference. The one path every status change takes (API, CLI, UI), so checks such as a second
    /// person's validation belong here.
    /// </summary>
    public async Task<LegalRequest> TransitionAsync(Actor actor, string id, string status, DateTimeOffset? when, string? note, string? ground,
        string? foreignReference = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var request = FromStored(stored);
        var target = RequestLifecycle.Parse(status);
        if (foreignReference?.Trim().Length > 200) throw new ValidationException("foreign_reference", "the foreign reference is longer than 200 characters");
        var now = _time.GetUtcNow();
        RequestLifecycle.Transition(request, target, when ?? now, Reference, note, ground, new StatusStamp(actor.User, actor.Agency, now, foreignReference));
        await _store.UpdateAsync(actor, ToStored(request) with { Version = stored.Version }, "status." + RequestLifecycle.Name(target), cancellationToken).ConfigureAwait(false);
        return request;
    }

    /// <summary>Renders a request as docx, pdf or json and logs the rendering with the file's hash.</summary>
    public async Task<(byte[] Bytes, string Sha256, string ContentType)> RenderAsync(Actor actor, string id, string format, CancellationToken cancellationToken = default)
    {
        var (request, _) = await GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var kind = format.ToLowerInvariant();
        var (bytes, contentType) = kind switch
        {
            "docx" => (DocxRenderer.Render(RequestComposer.Compose(request, Reference)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "pdf" => (PdfRenderer.Render(RequestComposer.Compose(request, Reference)), "application/pdf"),
            "json" => (JsonSerializer.SerializeToUtf8Bytes(request, LegalJson.Options), "application/json"),
            _ => throw new CairnException($"unknown format '{format}': expected docx, pdf or json"),
        };
        await _store.RecordRenderingAsync(actor, id, kind, bytes, cancellationToken).ConfigureAwait(false);
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), contentType);
    }

    public static LegalRequest FromStored(StoredLegalRequest stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<LegalRequest>(stored.Body, LegalJson.Options)
            ?? throw new CairnException($"request '{stored.Id}' has an empty body");
    }

    private static StoredLegalRequest ToStored(LegalRequest request) => new(request.Id, request.CaseReference, request.RequestedState, request.RequestType,
        RequestLifecycle.Name(request.Status), JsonSerializer.Serialize(request, LegalJson.Options));

    private static LegalRequest WithId(LegalRequest r, string id) => r.WithId(id);
}
