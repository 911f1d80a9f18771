using System.Numerics;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Turns a trace into what drafting needs: one finding per (jurisdiction, service) with the
/// deposit addresses, the transactions on the paths that reached them, and the exact amount.
/// Only attributed endpoints with a known jurisdiction become findings: a request needs a State to go to.
/// </summary>
public static class TraceFindings
{
    /// <summary>The findings of a saved trace of either chain.</summary>
    public static IReadOnlyList<TraceFinding> From(SavedTraceView saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return saved.Report is { } report ? From(report) : From(saved.EthReport ?? throw new Core.CairnException($"trace {saved.Trace.Id} has no report"));
    }

    /// <summary>Ethereum: one finding per (jurisdiction, service), the deposit addresses and the transactions of the paths that reached them, in the traced asset's base units.</summary>
    public static IReadOnlyList<TraceFinding> From(EthTraceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Endpoints
            .Where(e => e.Reason == "attributed_service" && e.Jurisdictions.Count > 0)
            .SelectMany(e => e.Jurisdictions.Select(j => (Jurisdiction: j, Endpoint: e)))
            .GroupBy(x => (x.Jurisdiction, Actor: x.Endpoint.Actor ?? "unknown service"))
            .OrderBy(g => g.Key.Jurisdiction, StringComparer.Ordinal).ThenBy(g => g.Key.Actor, StringComparer.Ordinal)
            .Select(g => new TraceFinding(
                g.Key.Jurisdiction,
                g.Key.Actor,
                g.Select(x => x.Endpoint.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                g.SelectMany(x => x.Endpoint.Paths.SelectMany(p => p)).Select(s => s.TransactionHash).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                [new AssetAmount(report.Asset, g.Aggregate(BigInteger.Zero, (sum, x) => sum + BigInteger.Parse(x.Endpoint.Amount, System.Globalization.CultureInfo.InvariantCulture)), report.Decimals ?? 0)]))
            .ToList();
    }

    public static IReadOnlyList<TraceFinding> From(TraceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Endpoints
            .Where(e => e.Reason == "attributed" && e.Jurisdictions.Count > 0)
            .SelectMany(e => e.Jurisdictions.Select(j => (Jurisdiction: j, Endpoint: e)))
            .GroupBy(x => (x.Jurisdiction, Actor: x.Endpoint.ActorLabel ?? x.Endpoint.Actor ?? "unknown service"))
            .OrderBy(g => g.Key.Jurisdiction, StringComparer.Ordinal).ThenBy(g => g.Key.Actor, StringComparer.Ordinal)
            .Select(g => new TraceFinding(
                g.Key.Jurisdiction,
                g.Key.Actor,
                g.Select(x => x.Endpoint.Address).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
                g.SelectMany(x => x.Endpoint.Paths.SelectMany(p => p)).Select(o => o.Split(':')[0]).Distinct(StringComparer.Ordinal).ToList(),
                [new AssetAmount("BTC", g.Aggregate(BigInteger.Zero, (sum, x) => sum + BigInteger.Parse(x.Endpoint.AmountSat, System.Globalization.CultureInfo.InvariantCulture)), Core.BaseUnits.BitcoinDecimals)]))
            .ToList();
    }
}
