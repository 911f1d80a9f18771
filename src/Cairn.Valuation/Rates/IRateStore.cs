namespace Cairn.Valuation.Rates;

/// <summary>Rate tables of the installation; an import is one transaction with its custody entry (rates.import, naming the source and the file's hash).</summary>
public interface IRateStore
{
    Task<RateTable> ImportAsync(RateTable table, IReadOnlyList<RatePoint> points, CancellationToken cancellationToken = default);

    /// <summary>Every imported table (newest first), without points.</summary>
    Task<IReadOnlyList<RateTable>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The table in use for each (asset, currency) pair (its newest import) with its points in date order.</summary>
    Task<IReadOnlyList<(RateTable Table, IReadOnlyList<RatePoint> Points)>> LoadCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Grows with every import (to know when a cached <see cref="Valuator"/> is stale).</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken = default);
}
