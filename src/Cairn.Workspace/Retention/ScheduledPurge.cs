using Cairn.Cases.Agencies;
using Cairn.Core.Json;
using Cairn.Storage;
using Cairn.Storage.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Retention;

/// <summary>
/// The retention purge on a schedule (docs/operations.md): <c>cairn serve</c> asks every few minutes whether a purge is due and
/// this decides, once for the whole installation. Due means: some policy deletes something (an installation that keeps every
/// class has nothing to purge and writes nothing), and the newest purge that deleted (scheduled or run by hand; a preview
/// does not count) is at least one interval old, or there is none. The decision and the purge run inside the cluster-wide
/// job lock (<see cref="ClusterJobLock"/>), and the newest purge is read inside it, so several nodes on one database purge
/// once per interval, not once each. The purge is the manual one (<see cref="RetentionService.PurgeAsync"/>), made by
/// <see cref="Actor"/>, and is logged the same way: one <c>retention.purge</c> entry per object and one for its report.
/// </summary>
public sealed class ScheduledPurge
{
    /// <summary>The job name of the scheduled purge (its advisory-lock key follows from it).</summary>
    public const string JobName = "retention purge";

    private const int HistoryScanned = 50;

    private readonly RetentionService _retention;
    private readonly SqlRetentionStore _store;
    private readonly ClusterJobLock _job;
    private readonly TimeProvider _time;

    public ScheduledPurge(IServiceProvider services, WorkspaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _retention = services.GetRequiredService<RetentionService>();
        _store = services.GetRequiredService<SqlRetentionStore>();
        _job = new ClusterJobLock(services.GetRequiredService<CairnDatabase>(), JobName);
        _time = services.GetRequiredService<TimeProvider>();
        Actor = new Actor("scheduler", options.InstallationAgency);
    }

    /// <summary>Who the custody log says purged: the installation's scheduler.</summary>
    public Actor Actor { get; }

    /// <summary>Purges if a purge is due under <paramref name="interval"/>; the report, or null when none was due (or another node is purging).</summary>
    public async Task<PurgeReport?> RunIfDueAsync(TimeSpan interval, CancellationToken cancellationToken = default)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the purge interval must be positive");
        if (_retention.Policies().All(p => p.KeepDays is null)) return null;
        PurgeReport? report = null;
        await _job.TryRunAsync(async token =>
        {
            var last = await LastPurgeAsync(token).ConfigureAwait(false);
            if (last is { } at && _time.GetUtcNow() - at < interval) return;
            report = await _retention.PurgeAsync(Actor, dryRun: false, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>When the newest purge that deleted (not a preview) ran, or null when none did.</summary>
    public async Task<DateTimeOffset?> LastPurgeAsync(CancellationToken cancellationToken = default)
    {
        var history = await _store.HistoryAsync(HistoryScanned, cancellationToken).ConfigureAwait(false);
        return history.Select(json => CairnJson.Deserialize<PurgeReport>(json, "stored purge report")).FirstOrDefault(r => !r.DryRun)?.At;
    }
}
