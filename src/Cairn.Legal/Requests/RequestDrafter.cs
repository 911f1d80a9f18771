using System.Globalization;
using System.Text;
using Cairn.Core;
using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Legal.Requests;

/// <summary>
/// Turns trace endpoints into draft requests: findings grouped by jurisdiction become one draft per
/// requested State and measure, on the top-ranked route, pre-filled with the wallets, transactions,
/// amounts and custodian. Items only a person can state (offence, purpose, undertakings) stay empty
/// unless given, so the completeness check names them.
/// </summary>
public sealed class RequestDrafter
{
    private static readonly string[] SupportedLanguages = ["en", "fr"];
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
        if (!SupportedLanguages.Contains(input.Language)) throw new CairnException($"unsupported request language '{input.Language}': expected en or fr");
        if (input.Findings.Count == 0) throw new CairnException("no trace findings to draft from");
        var requesting = _reference.Jurisdiction(input.RequestingState).Code;
        var drafts = new List<LegalRequest>();
        var unroutable = new List<string>();
        foreach (var group in input.Findings.GroupBy(f => _reference.Jurisdiction(f.Jurisdiction).Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var measure in input.Measures.Select(Measures.Parse).Distinct())
            {
                var route = _routes.Find(new RouteQuery(requesting, group.Key, measure, input.Urgent, input.OffenceType));
                if (route.Options.Count == 0)
                {
                    unroutable.Add($"{group.Key} {measure}: {route.Fallback}");
                    continue;
                }
                drafts.Add(Build(input, requesting, group.Key, measure, route.Options[0], group.ToList()));
            }
        }
        return new DraftResult(drafts, unroutable);
    }

    private LegalRequest Build(DraftInput input, string requesting, string requested, string measure, RouteOption option, List<TraceFinding> findings)
    {
        var (instrument, rule) = _reference.Rule(option.RuleId);
        var caseRef = string.IsNullOrWhiteSpace(input.CaseReference) ? "req" : input.CaseReference.Trim();
        var request = new LegalRequest
        {
            Id = $"{caseRef}-{requested}-{measure}".ToLowerInvariant().Replace(' ', '-'),
            CaseReference = input.CaseReference,
            RequestType = option.RequestType,
            RequestingState = requesting,
            RequestedState = requested,
            Measure = measure,
            InstrumentId = instrument.Id,
            RuleId = rule.Id,
            // A basis from a partial party list that lacks one State must be confirmed before sending: say so in the text itself.
            LegalBasis = $"{instrument.Title}, {rule.Citation}" + (option.PartiesConfirmed ? "" : $" [{RouteOption.PartyStatusUnverifiedText}]"),
            Channel = option.Channel,
            Urgent = input.Urgent,
            Language = input.Language,
            Findings = findings,
        };
        request.History.Add(new RequestEvent(_time.GetUtcNow(), "status", RequestStatus.Draft, "drafted from trace findings"));
        var evidence = DescribeFindings(findings, requested);
        var custodians = string.Join("; ", findings.Select(f => f.ActorName).Distinct(StringComparer.Ordinal)) + $" ({_reference.Jurisdiction(requested).Name})";
        foreach (var item in option.RequiredContents)
        {
            var text = item.Id switch
            {
                "requesting_authority" or "issuing_authority" => input.RequestingAuthority,
                "offence_and_facts" => input.OffenceSummary,
                "data_to_preserve" or "data_sought" or "property_description" or "assistance_sought" => evidence,
                "custodian_location" or "provider_identity" => custodians,
                "protocol_statement" => $"Issued under {instrument.Title}, {rule.Citation}",
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text)) request.Contents[item.Id] = text;
        }
        return request;
    }

    /// <summary>The wallets, transactions and exact amounts at the requested State's endpoints, as one paragraph.</summary>
    internal static string DescribeFindings(IEnumerable<TraceFinding> findings, string requested)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{finding.ActorName} ({requested}): ");
            if (finding.Addresses.Count > 0) text.Append(CultureInfo.InvariantCulture, $"addresses {string.Join(", ", finding.Addresses)}; ");
            if (finding.TransactionIds.Count > 0) text.Append(CultureInfo.InvariantCulture, $"transactions {string.Join(", ", finding.TransactionIds)}; ");
            if (finding.Amounts.Count > 0)
                text.Append(CultureInfo.InvariantCulture, $"amounts {string.Join(", ", finding.Amounts.Select(a => $"{a.Human} ({a.BaseUnits.ToString(CultureInfo.InvariantCulture)} base units)"))}. ");
        }
        return text.ToString().Trim();
    }
}
