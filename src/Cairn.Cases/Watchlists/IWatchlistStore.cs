using Cairn.Cases.Agencies;
using Cairn.Core.Paging;

namespace Cairn.Cases.Watchlists;

/// <summary>
/// Watches and alerts of cases, visible with their case. Reads and changes by users are custody-logged
/// (watch.add, watch.remove, watch.list, alert.list, alert.read, alert.update); ingest works as the
/// installation (<see cref="LoadAllAsync"/>, <see cref="RecordAsync"/>: alert.raise, watch.follow).
/// </summary>
public interface IWatchlistStore
{
    Task<Watch> AddAsync(Actor actor, string caseReference, Watch watch, CancellationToken cancellationToken = default);

    Task<Page<Watch>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default);

    Task RemoveAsync(Actor actor, string caseReference, string watchId, CancellationToken cancellationToken = default);

    /// <summary>Every watch of every case on <paramref name="chain"/> (for ingest, as the installation).</summary>
    Task<IReadOnlyList<Watch>> LoadAllAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>Stores alerts (an alert already raised for the same watch, transaction, kind and recipient is skipped) and followed addresses, as the installation; returns the alerts stored.</summary>
    Task<IReadOnlyList<WatchAlert>> RecordAsync(Actor installation, IReadOnlyList<WatchAlert> alerts, IReadOnlyList<Watch> followed, CancellationToken cancellationToken = default);

    Task<Page<WatchAlert>> AlertsAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default);

    Task<WatchAlert> AlertAsync(Actor actor, string caseReference, string alertId, CancellationToken cancellationToken = default);

    Task<WatchAlert> UpdateAlertAsync(Actor actor, string caseReference, string alertId, string state, IReadOnlyList<string> requests, CancellationToken cancellationToken = default);

    /// <summary>Open alerts per visible case (the badge): case reference and count.</summary>
    Task<IReadOnlyList<(string CaseReference, int Open)>> OpenCountsAsync(Actor actor, CancellationToken cancellationToken = default);
}
