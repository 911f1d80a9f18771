using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Tracing.Ethereum;

/// <summary>
/// Follows tainted value forward through the account graph of one asset. Every transfer of the
/// asset leaving the seed inside the window is tainted in full (hop 1). Transfers are then
/// replayed in chain order (row order) for every account that holds taint, and the model decides
/// how much of each outgoing transfer is tainted (<see cref="EthTaintModel"/>, rules in
/// docs/ethereum.md). Taint stops at attributed services, at the hop limit and below the minimum
/// amount; what is still held when the window (or the data) ends is reported as unspent.
/// Deterministic: same index and request, same result.
/// </summary>
public static class EthereumTracer
{
    public static EthTraceResult Trace(EthereumIndex index, EthTraceRequest request, IEthAttributionLookup? attribution = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var seed = EthAddress.Normalize(request.Seed);
        var tokenId = index.TokenIdFor(request.Asset);
        var seedId = index.AddressId(seed);
        var run = new EthTraceRun(index, request, tokenId, seedId, attribution);
        run.Execute();
        var token = index.Token(tokenId);
        var seedAmount = run.SeedAmount;
        var endpoints = run.Endpoints.Select(e => new EthTraceEndpoint(
                EthAddress.ToChecksum(index.AddressOf(e.AddressId)),
                e.Attribution?.Actor, e.Attribution?.Category, e.Attribution?.Jurisdictions ?? [], e.Attribution?.Confidence,
                e.Amount.ToString(CultureInfo.InvariantCulture), Share(e.Amount, seedAmount), e.Hops, e.Reason,
                e.Paths.Select(p => (IReadOnlyList<EthTraceStep>)p.ToSteps(index)).ToList()))
            .OrderByDescending(e => BigInteger.Parse(e.Amount, CultureInfo.InvariantCulture)).ThenBy(e => e.Address, StringComparer.Ordinal).ToList();
        var jurisdictions = run.Endpoints.Where(e => e.Attribution is not null)
            .SelectMany(e => e.Attribution!.Jurisdictions.Select(j => (Jurisdiction: j, e.Amount)))
            .GroupBy(x => x.Jurisdiction, StringComparer.Ordinal)
            .Select(g => (g.Key, Total: g.Aggregate(BigInteger.Zero, (sum, x) => sum + x.Amount)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new EthJurisdictionTotal(x.Key, x.Total.ToString(CultureInfo.InvariantCulture), Share(x.Total, seedAmount))).ToList();
        return new EthTraceResult(EthAddress.ToChecksum(seed), token.Symbol.Length > 0 ? token.Symbol : token.Contract!, token.Contract, token.Decimals,
            request.Model.ToString().ToLowerInvariant(), seedAmount.ToString(CultureInfo.InvariantCulture), endpoints, jurisdictions,
            run.Bounds.Select(b => new EthTraceBound(b.Key, b.Value.Detail, b.Value.Unexplored.ToString(CultureInfo.InvariantCulture))).ToList(),
            run.Examined);
    }

    private static double Share(BigInteger amount, BigInteger seed) => seed.IsZero ? 0 : Math.Round((double)(amount * 1_000_000_000 / seed) / 1e9, 9);
}
