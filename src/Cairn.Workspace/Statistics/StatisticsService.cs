using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Ledger;
using Cairn.Cases.Statistics;
using Cairn.Core;
using Cairn.Workspace.Valuation;

namespace Cairn.Workspace.Statistics;

/// <summary>
/// Outcome statistics from stored data (issue 18, docs/statistics.md): the agency's own figures, or every agency's for auditors and
/// administrators; and the public aggregate report with small cells suppressed (<see cref="PublicReportBuilder"/>). Every read is logged.
/// </summary>
public sealed class StatisticsService
{
    private readonly IStatisticsSource _source;
    private readonly IAccountStore _accounts;
    private readonly RateService _rates;

    public StatisticsService(IStatisticsSource source, IAccountStore accounts, RateService rates)
    {
        _source = source;
        _accounts = accounts;
        _rates = rates;
    }

    public async Task<StatisticsReport> GetAsync(Actor actor, StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (by, currency) = Validate(query);
        var scope = await ScopeAsync(actor, query.Agency, cancellationToken).ConfigureAwait(false);
        var facts = StatisticsFacts.From(await _source.LoadAsync(actor, scope, cancellationToken).ConfigureAwait(false), query.From, query.To, by);
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);

        var requests = facts.Requests.GroupBy(r => (r.Agency, r.State, r.Instrument, r.Period))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Instrument, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .Select(g => new StatisticsReport.RequestLine(g.Key.Agency, g.Key.State, g.Key.Instrument, g.Key.Period, g.Select(r => r.CaseKey).Distinct().Count(), g.Count(),
                g.GroupBy(r => r.Status, StringComparer.Ordinal).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new StatisticsReport.StatusCount(s.Key, s.Count())).ToList(),
                StatisticsFacts.Median(g.Select(r => r.DaysToAcknowledgement)), g.Count(r => r.DaysToAcknowledgement is not null),
                StatisticsFacts.Median(g.Select(r => r.DaysToExecution)), g.Count(r => r.DaysToExecution is not null),
                g.Where(r => r.RefusalGround is not null).GroupBy(r => r.RefusalGround!, StringComparer.Ordinal).OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new StatisticsReport.GroundCount(s.Key, s.Count())).ToList()))
            .ToList();

        var amounts = facts.Movements.GroupBy(m => (m.Agency, m.State, m.Period, m.Chain, m.Token))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Chain, StringComparer.Ordinal).ThenBy(g => g.Key.Token, StringComparer.Ordinal)
            .Select(g =>
            {
                var decimals = g.Select(m => m.Decimals).FirstOrDefault(d => d is not null);
                var measures = StatisticsFacts.Measures.Select(measure =>
                {
                    var of = g.Where(m => m.Measure == measure).ToList();
                    var total = of.Aggregate(BigInteger.Zero, (a, m) => a + m.Amount);
                    string? fiat = null, noRate = null;
                    if (of.Count > 0)
                    {
                        if (decimals is not { } d) noRate = $"decimals of {g.Key.Token} unknown";
                        else
                        {
                            var byDay = of.GroupBy(m => m.Day).ToDictionary(x => x.Key, x => x.Aggregate(BigInteger.Zero, (a, m) => a + m.Amount));
                            var value = valuator.Value([g.Key.Token], d, byDay, currency);
                            if (value is null) noRate = $"no {g.Key.Token}/{currency} rate on every day involved";
                            else fiat = value.Value;
                        }
                    }
                    return new StatisticsReport.MeasureAmount(measure, total.ToString(CultureInfo.InvariantCulture),
                        decimals is { } dd ? BaseUnits.ToDecimalString(total, dd) : null, fiat, noRate);
                }).ToList();
                return new StatisticsReport.AmountLine(g.Key.Agency, g.Key.State, g.Key.Period, g.Key.Chain, g.Key.Token, decimals, g.Select(m => m.CaseKey).Distinct().Count(), measures);
            }).ToList();
        return new StatisticsReport(scope ?? "all agencies", query.From, query.To, by, currency, requests, amounts);
    }

    /// <summary>The public aggregate report: no agency, case, name or address; cells of fewer than <paramref name="minCell"/> cases suppressed, with complementary suppression.</summary>
    public async Task<PublicStatistics> GetPublicAsync(Actor actor, StatisticsQuery query, int minCell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (minCell is < 2 or > 1000) throw new ValidationException("min_cell", $"the smallest published cell must count 2 to 1000 cases, not {minCell}");
        var (by, _) = Validate(query);
        var scope = await ScopeAsync(actor, query.Agency, cancellationToken).ConfigureAwait(false);
        var facts = StatisticsFacts.From(await _source.LoadAsync(actor, scope, cancellationToken).ConfigureAwait(false), query.From, query.To, by);
        return PublicReportBuilder.Build(facts, minCell, query.From, query.To, by);
    }

    private static (string By, string Currency) Validate(StatisticsQuery query)
    {
        if (query.From is { } from && query.To is { } to && to < from) throw new ValidationException("to", $"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        return (StatisticsPeriod.Parse(query.By), RateService.Currency(string.IsNullOrWhiteSpace(query.Currency) ? "EUR" : query.Currency));
    }

    /// <summary>Null (every agency) for auditors and administrators who ask for no agency; their own agency for everyone else.</summary>
    private async Task<string?> ScopeAsync(Actor actor, string? agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var account = await _accounts.FindAsync(actor.User, cancellationToken).ConfigureAwait(false);
        var overseer = account is { Disabled: false } && account.Agency == actor.Agency && (account.Has(Role.Auditor) || account.Has(Role.Admin));
        if (string.IsNullOrWhiteSpace(agency)) return overseer ? null : actor.Agency;
        if (!overseer && !string.Equals(agency.Trim(), actor.Agency, StringComparison.OrdinalIgnoreCase))
            throw new ForbiddenException($"the figures of agency {agency.Trim()} are for auditors and administrators; {actor.User} sees {actor.Agency}'s");
        return agency.Trim();
    }
}
