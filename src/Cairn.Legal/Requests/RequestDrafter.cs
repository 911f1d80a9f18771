using System.Globalization;
using System.Text;
using Cairn.Core;
using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Legal.Requests;

/// <summary>
/// Turns trace endpoints into draft requests: findings grouped by jurisdiction become one draft per
/// requested State and measure, on the route the user chose (rule id or rank) or else the best-ranked
/// legal basis, addressed to that route's addressee in a language it accepts, on the instrument's
/// official form where it has one, and pre-filled with the wallets, transactions, amounts and custodian.
/// Items only a person can state (offence, purpose, undertakings) stay empty unless given, so the
/// completeness check names them.
/// </summary>
public sealed class RequestDrafter
{
    /// <summary>Above this many addresses or transactions, content items point to the annex table instead of listing them.</summary>
    internal const int InlineListLimit = 5;

    private readonly LegalReference _reference;
    private readonly RouteFinder _routes;
    private readonly TimeProvider _time;

    public RequestDrafter(LegalReference reference, TimeProvider time)
    {
        _reference = reference;
        _time = time;
        _routes = new RouteFinder(reference, time);
    }

    public DraftResult Draft(DraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Language is not null) RequestLanguages.Validate(input.Language);
        if (input.Findings.Count == 0) throw new CairnException("no trace findings to draft from");
        if (input.RuleId is not null && !_reference.IsKnownRule(input.RuleId)) throw new CairnException($"unknown legal rule '{input.RuleId}'");
        if (input.RouteRank is < 1) throw new CairnException($"route rank {input.RouteRank} is not a rank: ranks start at 1");
        var requesting = _reference.Jurisdiction(input.RequestingState).Code;
        var drafts = new List<LegalRequest>();
        var unroutable = new List<string>();
        foreach (var group in input.Findings.GroupBy(f => _reference.Jurisdiction(f.Jurisdiction).Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var measure in input.Measures.Select(Measures.Parse).Distinct())
            {
                var route = _routes.Find(new RouteQuery(requesting, group.Key, measure, input.Urgent, input.OffenceType, input.On));
                var (option, reason) = Choose(route, input);
                if (option is null)
                {
                    unroutable.Add($"{group.Key} {measure}: {reason}");
                    continue;
                }
                drafts.Add(Build(input, route, option, group.ToList()));
            }
        }
        return new DraftResult(drafts, unroutable);
    }

    /// <summary>The route the input asks for, or the best legal basis; informal channels only when chosen explicitly.</summary>
    private static (RouteOption? Option, string Reason) Choose(RouteResult route, DraftInput input)
    {
        var available = route.Options.Count == 0 ? "none" : string.Join(", ", route.Options.Select(o => $"{o.Rank}. {o.RuleId}"));
        if (input.RuleId is { } ruleId)
            return route.Options.FirstOrDefault(o => o.RuleId == ruleId) is { } chosen
                ? (chosen, "")
                : (null, $"rule {ruleId} is not among the routes found (available: {available})");
        if (input.RouteRank is { } rank)
            return rank <= route.Options.Count ? (route.Options[rank - 1], "") : (null, $"there is no route {rank} (available: {available})");
        var best = route.Options.FirstOrDefault(o => !o.Informal);
        return best is not null ? (best, "") : (null, route.Fallback ?? RouteResult.NoInstrumentFallback);
    }

    private LegalRequest Build(DraftInput input, RouteResult route, RouteOption option, List<TraceFinding> findings)
    {
        var (instrument, rule) = _reference.RuleBetween(option.RuleId, route.RequestingState, route.RequestedState);
        var requested = route.RequestedState;
        var treaty = BilateralCitations.TreatyOf(instrument, route.RequestingState, requested);
        var form = option.Informal ? null : _reference.FormFor(instrument.Id, route.Measure);
        var state = _reference.Jurisdiction(requested).Name;
        var (language, languageNote) = RequestLanguages.Choose(input.Language, option.Languages, state, form?.Languages.Where(form.IsVerifiedIn).ToList());
        var caseRef = string.IsNullOrWhiteSpace(input.CaseReference) ? "req" : input.CaseReference.Trim();
        var basis = option.Informal
            ? $"informal channel, not a legal basis: {instrument.Title}, {rule.Citation}"
            : (treaty is null ? $"{instrument.Title}, {rule.Citation}" : rule.Citation) + (option.PartiesConfirmed ? "" : $" [{RouteOption.PartyStatusUnverifiedText}]");
        var request = new LegalRequest
        {
            Id = $"{caseRef}-{requested}-{route.Measure}".ToLowerInvariant().Replace(' ', '-'),
            CaseReference = input.CaseReference,
            RequestType = option.RequestType,
            RequestingState = route.RequestingState,
            RequestedState = requested,
            Measure = route.Measure,
            InstrumentId = instrument.Id,
            RuleId = rule.Id,
            LegalBasis = basis,
            Channel = option.Channel,
            Urgent = input.Urgent,
            Language = language,
            LanguageNote = languageNote,
            Addressee = option.Addressee is { Role: Addressee.ServiceProvider } provider
                ? provider with { Name = string.Join("; ", findings.Select(f => f.ActorName).Distinct(StringComparer.Ordinal)) }
                : option.Addressee,
            AcceptedLanguages = option.Languages.Languages,
            FormId = form?.Id,
            RouteRank = option.Rank,
            RouteOn = route.AsOf,
            OffenceType = input.OffenceType,
            Unverified = [.. option.Unverified, .. TreatyArticlesNotRecorded(instrument, option, treaty, rule, route.Measure, input.Urgent)],
            Informal = option.Informal,
            Findings = findings,
        };
        request.History.Add(new RequestEvent(_time.GetUtcNow(), "status", RequestStatus.Draft, $"drafted from trace findings on route {option.Rank} ({option.RuleId})"));
        var evidence = DescribeFindings(findings, requested);
        var custodians = string.Join("; ", findings.Select(f => f.ActorName).Distinct(StringComparer.Ordinal)) + $" ({state})";
        foreach (var item in option.RequiredContents)
        {
            // Content ids of the data files (docs/legal-data.md) that the trace and the input can fill.
            var text = item.Id switch
            {
                "requesting_authority" or "issuing_authority" or "authorities" => input.RequestingAuthority,
                "offence_and_facts" or "facts" or "facts_statement" or "case_summary" => input.OffenceSummary,
                "data_to_preserve" or "data_sought" or "property_description" or "assistance_sought" or "property" or "persons_property"
                    or "actions_requested" or "user" => evidence,
                "custodian_location" or "provider_identity" or "custodian" or "addressee" or "link_to_requested_state" or "where_property" => custodians,
                "protocol_statement" => $"Issued under {instrument.Title}, {rule.Citation}",
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text)) request.Contents[item.Id] = text;
        }
        return request;
    }

    /// <summary>
    /// A hub rule drafted for a treaty whose articles the data does not record (all, or those of some content
    /// items): the letter then cites no article number there (another treaty's would be wrong), and the drafter
    /// is told where the contents come from.
    /// </summary>
    private static IEnumerable<string> TreatyArticlesNotRecorded(Instrument instrument, RouteOption option, InstrumentParty? treaty, LegalRule rule, string measure, bool urgent)
    {
        if (treaty is null || rule.ContentsFor(measure, urgent).All(i => i.Citation != BilateralCitations.ArticleNotRecorded)) yield break;
        yield return $"{rule.Citation}: article numbers not recorded for every content item; the contents follow rule {option.RuleId} of the " +
            $"{instrument.ShortTitle}, checked on other treaties ({option.Citation}); cite the treaty's own articles";
    }

    /// <summary>
    /// The wallets, transactions and exact amounts at the requested State's endpoints, as one paragraph;
    /// long lists are counted and left to the annex table of the rendered document.
    /// </summary>
    internal static string DescribeFindings(IEnumerable<TraceFinding> findings, string requested)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{finding.ActorName} ({requested}): ");
            text.Append(List("addresses", finding.Addresses));
            text.Append(List("transactions", finding.TransactionIds));
            if (finding.Amounts.Count > 0)
                text.Append(CultureInfo.InvariantCulture, $"amounts {string.Join(", ", finding.Amounts.Select(a => $"{a.Human} ({a.BaseUnits.ToString(CultureInfo.InvariantCulture)} base units)"))}. ");
        }
        return text.ToString().Trim();
    }

    private static string List(string what, IReadOnlyList<string> values) => values.Count switch
    {
        0 => "",
        <= InlineListLimit => $"{what} {string.Join(", ", values)}; ",
        _ => $"{values.Count} {what} (listed in the annex table); ",
    };
}
