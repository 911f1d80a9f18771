using System.Security.Cryptography;
using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Legal.Documents;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using Cairn.Legal.Requests.Validation;
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
    private readonly IAccountStore _accounts;
    private readonly Valuation.RateService _rates;

    public LegalRequestService(ILegalRequestStore store, LegalReference reference, TimeProvider time, ICaseStore cases, TraceService traces, INotificationStore notifications,
        IAccountStore accounts, Valuation.RateService rates)
    {
        _rates = rates;
        _accounts = accounts;
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
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        foreach (var draft in result.Drafts)
        {
            // The amounts' value in the executing State's currency with its rate, date and source, or "no rate" (the forms' estimated_value);
            // a value the drafter typed is kept.
            if (!draft.Contents.ContainsKey(Valuation.EstimatedValue.ContentItem)
                && Valuation.EstimatedValue.Describe(draft.Findings.SelectMany(f => f.Amounts), draft.RequestedState, today, valuator) is { } estimate)
                draft.Contents[Valuation.EstimatedValue.ContentItem] = estimate;
            // Who drafted it is part of the record: four eyes (ValidationRules) needs to tell the drafter from the validator.
            if (draft.History.Count > 0 && draft.History[0].By is null)
                draft.History[0] = draft.History[0] with { By = actor.User, Agency = actor.Agency, RecordedAt = _time.GetUtcNow() };
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
        request.History.Add(new RequestEvent(_time.GetUtcNow(), "content", request.Status, item) { By = actor.User, Agency = actor.Agency });
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
        string? foreignReference = null, CancellationToken cancellationToken = default) =>
        (await MoveAsync(actor, id, status, when, note, ground, foreignReference, cancellationToken).ConfigureAwait(false)).Request;

    /// <summary>The move behind <see cref="TransitionAsync"/>, also answering the request's last validation (read in the same call).</summary>
    private async Task<(LegalRequest Request, RequestValidation? Validation)> MoveAsync(Actor actor, string id, string status, DateTimeOffset? when, string? note, string? ground,
        string? foreignReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var request = FromStored(stored);
        var target = RequestLifecycle.Parse(status);
        // Nothing leaves without the validation its instrument requires, on the text as it is now (issue 18).
        if (target == RequestStatus.Sent && request.Status != RequestStatus.Sent) ValidationRules.EnsureSendable(request, LatestValidation(stored));
        if (foreignReference?.Trim().Length > 200) throw new ValidationException("foreign_reference", "the foreign reference is longer than 200 characters");
        var now = _time.GetUtcNow();
        RequestLifecycle.Transition(request, target, when ?? now, Reference, note, ground, new StatusStamp(actor.User, actor.Agency, now, foreignReference));
        await _store.UpdateAsync(actor, ToStored(request) with { Version = stored.Version }, "status." + RequestLifecycle.Name(target), cancellationToken).ConfigureAwait(false);
        return (request, LatestValidation(stored));
    }

    /// <summary>
    /// Validates a ready request as the instrument requires (<see cref="ValidationRules"/>): the actor's account must hold the
    /// role it names and, where four eyes apply, must not have drafted or edited it. Records who, when and the hash of the
    /// text validated (logged as request.validate); editing the text afterwards lets the validation lapse.
    /// </summary>
    public async Task<ValidationView> ValidateAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await _store.GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var request = FromStored(stored);
        if (request.Status != RequestStatus.Ready)
            throw CairnException.Invalid("status", $"request {id} is {RequestLifecycle.Name(request.Status)}: only a ready request (complete, no longer edited) is validated");
        var requirement = ValidationRules.For(request);
        var account = await _accounts.FindAsync(actor.User, cancellationToken).ConfigureAwait(false);
        if (account is null || account.Disabled || account.Agency != actor.Agency)
            throw new ForbiddenException($"{actor.User} has no active account of agency {actor.Agency}: validating request {id} needs one with the {string.Join(" or ", requirement.Roles)} role ({requirement.Citation})");
        var roles = account.Roles.Select(r => r.ToString()).ToList();
        if (requirement.Refusal(actor.User, roles, ValidationRules.Authors(request)) is { } refusal) throw new ForbiddenException(refusal);
        var validation = new RequestValidation(actor.User, actor.Agency, requirement.Roles.First(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase)),
            _time.GetUtcNow(), RequestText.Sha256(request), requirement.Citation);
        await _store.RecordValidationAsync(actor, new StoredValidation(id, validation.By, validation.Agency, validation.Role, validation.At, validation.ContentSha256, validation.Citation),
            stored.Version, cancellationToken).ConfigureAwait(false);
        return ValidationView.Of(request, validation);
    }

    private static RequestValidation? LatestValidation(StoredLegalRequest stored) => stored.Validations.LastOrDefault() is { } v
        ? new RequestValidation(v.ValidatedBy, v.Agency, v.Role, v.ValidatedAt, v.ContentSha256, v.Citation)
        : null;

    /// <summary>The statuses a request may move to and that it is ready for: "sent" only once validated on its current text.</summary>
    private static List<string> NextStatuses(LegalRequest request, ValidationView validation) => RequestLifecycle.NextFrom(request.Status)
        .Where(s => s != RequestStatus.Sent || validation.Validated).Select(RequestLifecycle.Name).ToList();

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
