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

    public sealed record Endpoint(string Address, string? Actor, string? Category, IReadOnlyList<string> Jurisdictions, double? Confidence,
        string Amount, string AmountDecimal, double Share, int Hops, string Reason, IReadOnlyList<IReadOnlyList<EthTraceStep>> Paths);

    public sealed record JurisdictionTotal(string Jurisdiction, string Amount, string AmountDecimal, double Share);

    public sealed record BoundHit(string Bound, string Detail, string UnexploredAmount);

    public static EthTraceReport From(EthereumIndex index, EthTraceRequest request, EthTraceResult result, string chain = "eth")
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        string Human(string baseUnits) => result.Decimals is { } d ? BaseUnits.ToDecimalString(BigInteger.Parse(baseUnits, CultureInfo.InvariantCulture), d) : baseUnits;
        return new EthTraceReport
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
            Endpoints = result.Endpoints.Select(e => new Endpoint(e.Address, e.Actor, e.Category, e.Jurisdictions, e.Confidence, e.Amount, Human(e.Amount), e.Share, e.Hops, e.Reason, e.Paths)).ToList(),
            Jurisdictions = result.JurisdictionTotals.Select(j => new JurisdictionTotal(j.Jurisdiction, j.Amount, Human(j.Amount), j.Share)).ToList(),
            Bounds = result.BoundsHit.Select(b => new BoundHit(b.Bound, b.Detail, b.UnexploredAmount)).ToList(),
        };
    }
}
