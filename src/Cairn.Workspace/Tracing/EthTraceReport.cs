using System.Globalization;
using System.Numerics;
using Cairn.Core;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Ethereum;

namespace Cairn.Workspace.Tracing;

/// <summary>An Ethereum trace as JSON (`cairn trace --chain eth --json`, POST /api/v1/trace with chain eth): per asset, exact base units as strings beside decimals.</summary>
public sealed record EthTraceReport
{
    public string Chain { get; init; } = "eth";
    public required TraceParameters Request { get; init; }
    public required long? TipBlock { get; init; }
    public required string? TipHash { get; init; }
    public required string Seed { get; init; }
    public required string Asset { get; init; }
    public required string? TokenContract { get; init; }
    public required int? Decimals { get; init; }
    public required string TracedAmount { get; init; }
    public required string TracedAmountDecimal { get; init; }
    public required long ExaminedTransfers { get; init; }
    public required IReadOnlyList<Endpoint> Endpoints { get; init; }
    public required IReadOnlyList<JurisdictionTotal> Jurisdictions { get; init; }
    public required IReadOnlyList<BoundHit> Bounds { get; init; }

    /// <summary>The endpoints and hops grouped into services and addresses (largest amount first); amounts add up to the endpoints'.</summary>
    public IReadOnlyList<TraceEntityView> Entities { get; init; } = [];

    /// <summary>Traced value between entities on the listed paths.</summary>
    public IReadOnlyList<EntityFlowView> EntityFlows { get; init; } = [];

    /// <summary>The rate tables the fiat values come from (empty when none applies; stablecoins without a table are valued at their peg, said in each value's basis).</summary>
    public IReadOnlyList<RateTableView> Fiat { get; init; } = [];

    public sealed record Endpoint(string Address, string? Actor, string? Category, IReadOnlyList<string> Jurisdictions, double? Confidence,
        string Amount, string AmountDecimal, double Share, int Hops, string Reason, IReadOnlyList<IReadOnlyList<EthTraceStep>> Paths)
    {
        public string? EntityId { get; init; }

        public DateTimeOffset? Time { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public Cairn.Valuation.Rates.FiatValue? Fiat { get; init; }
    }

    public sealed record JurisdictionTotal(string Jurisdiction, string Amount, string AmountDecimal, double Share);

    public sealed record BoundHit(string Bound, string Detail, string UnexploredAmount);

    /// <summary>The asset of a result for amounts and valuation: the chain's native coin by its symbol (ETH, BNB, POL), a token by symbol and contract.</summary>
    public static TraceAsset AssetOf(EthTraceResult result, string chain = "eth")
    {
        ArgumentNullException.ThrowIfNull(result);
        return AssetOf(result.TokenContract, result.Asset, result.Decimals, chain);
    }

    public static TraceAsset AssetOf(string? tokenContract, string asset, int? decimals, string chain = "eth")
    {
        if (tokenContract is not null) return new TraceAsset([asset, tokenContract], decimals ?? 0, "amount");
        var definition = Cairn.Chains.ChainRegistry.Get(chain);
        return definition.Id == "eth" ? TraceAsset.Ether : new TraceAsset([definition.Symbol], definition.Decimals, "amount_wei");
    }

    public static EthTraceReport From(EthereumIndex index, EthTraceRequest request, EthTraceResult result, string chain = "eth") =>
        From(index, request, result, null, Cairn.Valuation.Rates.Valuator.Empty, null, chain);

    public static EthTraceReport From(EthereumIndex index, EthTraceRequest request, EthTraceResult result, Cairn.Tracing.Entities.TraceEntities? entities,
        Cairn.Valuation.Rates.Valuator valuator, string? fiat, string chain = "eth")
    {
        ArgumentNullException.ThrowIfNull(valuator);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var asset = AssetOf(result, chain);
        string Human(string baseUnits) => result.Decimals is { } d ? BaseUnits.ToDecimalString(BigInteger.Parse(baseUnits, CultureInfo.InvariantCulture), d) : baseUnits;
        var report = new EthTraceReport
        {
            Chain = chain,
            Request = TraceParameters.Of(request, result.Model, chain),
            TipBlock = index.Head.LastBlock,
            TipHash = index.Head.LastBlock is { } last ? index.BlockHash(last) : null,
            Seed = result.Seed,
            Asset = result.Asset,
            TokenContract = result.TokenContract,
            Decimals = result.Decimals,
            TracedAmount = result.SeedAmount,
            TracedAmountDecimal = Human(result.SeedAmount),
            ExaminedTransfers = result.ExaminedTransfers,
            Endpoints = result.Endpoints.Select(e => Place(new Endpoint(e.Address, e.Actor, e.Category, e.Jurisdictions, e.Confidence, e.Amount, Human(e.Amount), e.Share, e.Hops, e.Reason, e.Paths))).ToList(),
            Jurisdictions = result.JurisdictionTotals.Select(j => new JurisdictionTotal(j.Jurisdiction, j.Amount, Human(j.Amount), j.Share)).ToList(),
            Bounds = result.BoundsHit.Select(b => new BoundHit(b.Bound, b.Detail, b.UnexploredAmount)).ToList(),
            Entities = entities is null ? [] : EntityViews.Of(entities, asset, valuator),
            EntityFlows = entities is null ? [] : EntityViews.Flows(entities.EntityFlows, asset, valuator),
            Fiat = entities is null ? [] : EntityViews.TablesUsed(asset, valuator),
        };

        Endpoint Place(Endpoint endpoint)
        {
            if (entities is null || !entities.Endpoints.TryGetValue(endpoint.Address, out var at)) return endpoint;
            return endpoint with
            {
                EntityId = at.EntityId,
                Time = at.Time,
                Fiat = fiat is not null && at.Time is { } time
                    ? valuator.Value(asset.Names, asset.Decimals, BigInteger.Parse(endpoint.Amount, CultureInfo.InvariantCulture), DateOnly.FromDateTime(time.UtcDateTime), fiat)
                    : null,
            };
        }

        return report;
    }
}
