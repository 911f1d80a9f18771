using Cairn.Legal.Routing;

namespace Cairn.Legal.Requests;

/// <summary>
/// A typed cooperation request: its legal basis (instrument and rule from the route finder), its
/// addressee and language, the official form it is rendered on (if the instrument has one), the content
/// items keyed by the rule's content ids (and form field ids or fill keys), the facts it carries, and its
/// history. Mutated only through <see cref="RequestLifecycle"/> and <see cref="SetContent"/>.
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

    /// <summary>Why the language was chosen when it is not one the addressee is known to accept (shown on the document).</summary>
    public string? LanguageNote { get; init; }

    /// <summary>The authority the request goes to (null in requests drafted before addressees were modelled).</summary>
    public Addressee? Addressee { get; init; }

    /// <summary>Languages (ISO 639-3) the addressee accepts on this route, when recorded.</summary>
    public IReadOnlyList<string> AcceptedLanguages { get; init; } = [];

    /// <summary>The official form the request is rendered on (e.g. "eio-annex-a"), null for a structured letter.</summary>
    public string? FormId { get; init; }

    /// <summary>The rank of the chosen route among those found, and the date the route was judged on.</summary>
    public int RouteRank { get; init; } = 1;

    public DateOnly? RouteOn { get; init; }

    public string? OffenceType { get; init; }

    /// <summary>Facts behind the chosen route that no source confirmed (flagged on the document).</summary>
    public List<string> Unverified { get; init; } = [];

    /// <summary>An informal channel (not a legal basis), chosen explicitly.</summary>
    public bool Informal { get; init; }

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

    /// <summary>When the request was drafted (its first history entry); derived, so not written to JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? DraftedAt => History.FirstOrDefault()?.At;

    /// <summary>A copy under another id (a draft whose id is taken gets -2, -3 …), every other field kept.</summary>
    public LegalRequest WithId(string id) => new()
    {
        Id = id, CaseReference = CaseReference, RequestType = RequestType, RequestingState = RequestingState, RequestedState = RequestedState,
        Measure = Measure, InstrumentId = InstrumentId, RuleId = RuleId, LegalBasis = LegalBasis, Channel = Channel, Urgent = Urgent,
        Language = Language, LanguageNote = LanguageNote, Addressee = Addressee, AcceptedLanguages = AcceptedLanguages, FormId = FormId,
        RouteRank = RouteRank, RouteOn = RouteOn, OffenceType = OffenceType, Unverified = [.. Unverified], Informal = Informal,
        Status = Status, RefusalGround = RefusalGround, ForeignReference = ForeignReference, SourceTraceId = SourceTraceId,
        Contents = new Dictionary<string, string>(Contents, StringComparer.Ordinal), Findings = [.. Findings], History = [.. History],
    };

    /// <summary>
    /// Whether <paramref name="item"/> can be set on this request: a content item of its rule, or, on an official
    /// form, a field id or a fill key of that form (values set there win over what Cairn fills).
    /// </summary>
    public static bool IsSettable(string item, Reference.LegalRule rule, Forms.OfficialForm? form)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.RequiredContents.Any(c => c.Id == item)
            || (form is not null && form.Fields.Any(f => f.Id == item || f.Fill == item));
    }

    public void SetContent(string id, string text)
    {
        if (Status != RequestStatus.Draft) throw new Core.CairnException($"request {Id} is {Status.ToString().ToLowerInvariant()}: contents can only change in draft");
        Contents[id] = text;
    }
}
