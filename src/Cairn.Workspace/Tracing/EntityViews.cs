using System.Globalization;
using System.Numerics;
using Cairn.Core;
using Cairn.Tracing.Entities;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Tracing;

/// <summary>Turns a trace's entities into their JSON views, valued in USD and EUR at the rates of the days the value arrived.</summary>
public static class EntityViews
{
    public static readonly IReadOnlyList<string> ReportCurrencies = ["USD", "EUR"];

    public static IReadOnlyList<TraceEntityView> Of(TraceEntities entities, TraceAsset asset, Valuator valuator)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(valuator);
        return [.. entities.Entities.Select(e => new TraceEntityView
        {
            EntityId = e.EntityId,
            Kind = e.Kind.ToString().ToLowerInvariant(),
            Label = e.Label,
            Actor = e.Actor,
            Category = e.Category,
            Jurisdictions = e.Jurisdictions,
            AmountSat = asset.AmountField == "amount_sat" ? Text(e.Amount) : null,
            AmountWei = asset.AmountField == "amount_wei" ? Text(e.Amount) : null,
            Amount = asset.AmountField == "amount" ? Text(e.Amount) : null,
            AmountDecimal = BaseUnits.ToDecimalString(e.Amount, asset.Decimals),
            Received = Text(e.Received),
            Endpoints = e.Endpoints,
            Addresses = e.Addresses,
            FirstSeen = e.FirstSeen,
            LastSeen = e.LastSeen,
            ValueUsd = e.Amount.IsZero ? null : valuator.Value(asset.Names, asset.Decimals, e.AmountByDay, "USD")?.Value,
            ValueEur = e.Amount.IsZero ? null : valuator.Value(asset.Names, asset.Decimals, e.AmountByDay, "EUR")?.Value,
            Confidence = e.Confidence,
            AttributionSource = e.AttributionSource,
            ClusterId = e.ClusterId,
            ClusterSize = e.ClusterSize,
            Sanctioned = e.Sanctioned,
            Seed = e.Seed,
            HopTransactions = e.HopTransactions,
        })];
    }

    public static IReadOnlyList<EntityFlowView> Flows(IReadOnlyList<EntityFlow> flows, TraceAsset asset, Valuator valuator)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(valuator);
        return [.. flows.Select(f => new EntityFlowView(f.From, f.To, Text(f.Amount), BaseUnits.ToDecimalString(f.Amount, asset.Decimals), f.FirstSeen, f.LastSeen,
            valuator.Value(asset.Names, asset.Decimals, f.AmountByDay, "USD")?.Value, valuator.Value(asset.Names, asset.Decimals, f.AmountByDay, "EUR")?.Value, f.TxIds))];
    }

    /// <summary>The rate tables that price <paramref name="asset"/> in the report's currencies (directly or through USD), as cited in the report.</summary>
    public static IReadOnlyList<RateTableView> TablesUsed(TraceAsset asset, Valuator valuator)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(valuator);
        var names = asset.Names.Select(Valuator.AssetKey).Append("USD").ToHashSet(StringComparer.Ordinal);
        return [.. valuator.Tables.Where(t => names.Contains(t.Asset) && ReportCurrencies.Contains(t.Currency))
            .OrderBy(t => t.Asset, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .Select(View)];
    }

    public static RateTableView View(RateTable t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.Asset, t.Currency, t.Source, t.FileSha256, Iso(t.FirstDate), Iso(t.LastDate), t.ImportedBy, t.ImportedAt);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
