using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Core.Json;
using Cairn.Storage.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Retention;

/// <summary>
/// Retention (docs/operations.md): the policies of <c>cairn.json</c>, legal holds on cases, and the
/// purge that deletes what is due except in cases on hold, leaving hash-only entries in the custody
/// log and one entry per purge that names its stored report.
/// </summary>
public sealed class RetentionService
{
    private const int HistoryLength = 50;
    private const int MaxReasonLength = 2000;

    private readonly IServiceProvider _services;
    private readonly WorkspaceOptions _options;
    private readonly TimeProvider _time;

    public RetentionService(IServiceProvider services, WorkspaceOptions options, TimeProvider time)
    {
        _services = services;
        _options = options;
        _time = time;
    }

    private SqlRetentionStore Store => _services.GetRequiredService<SqlRetentionStore>();

    public IReadOnlyList<RetentionPolicy> Policies() => RetentionConfiguration.Load(_options.DataDirectory);

    public async Task<RetentionView> ViewAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var policies = Policies().Select(p => new RetentionView.Policy(p.DataClass, p.KeepDays, p.Description)).ToList();
        var holds = await Store.ListHoldsAsync(actor, cancellationToken).ConfigureAwait(false);
        var history = (await Store.HistoryAsync(HistoryLength, cancellationToken).ConfigureAwait(false))
            .Select(json => CairnJson.Deserialize<PurgeReport>(json, "stored purge report")).ToList();
        return new RetentionView(RetentionConfiguration.PathIn(_options.DataDirectory), policies, holds, history);
    }

    public Task<CaseHold> HoldAsync(Actor actor, string reference, HoldRequest? request, CancellationToken cancellationToken = default)
    {
        var reason = ValidationException.Required(request?.Reason, "reason");
        if (reason.Length > MaxReasonLength) throw new ValidationException("reason", $"the reason is longer than {MaxReasonLength} characters");
        return Store.HoldAsync(actor, ValidationException.Required(reference, "reference"), reason, cancellationToken);
    }

    public Task ReleaseAsync(Actor actor, string reference, CancellationToken cancellationToken = default) =>
        Store.ReleaseAsync(actor, ValidationException.Required(reference, "reference"), cancellationToken);

    public async Task<HoldView> HoldOfAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        var hold = await Store.GetHoldAsync(actor, ValidationException.Required(reference, "reference"), cancellationToken).ConfigureAwait(false);
        return new HoldView(hold is not null, hold);
    }

    /// <summary>Deletes what is due now (with <paramref name="dryRun"/>: only counts it); both are logged.</summary>
    public async Task<PurgeReport> PurgeAsync(Actor actor, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var policies = Policies().ToDictionary(p => p.DataClass, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        var cutoffs = new RetentionCutoffs(policies[SqlRetentionStore.CaseData].CutoffAt(now), policies[SqlRetentionStore.PersonalData].CutoffAt(now),
            policies[SqlRetentionStore.EvidenceFiles].CutoffAt(now), policies[SqlRetentionStore.ReceivedDisclosures].CutoffAt(now));
        PurgeReport? report = null;
        await Store.PurgeAsync(actor, cutoffs, dryRun, (id, at, items, held) =>
        {
            report = new PurgeReport(id, at, actor.ToString(), dryRun,
                items.Select(i => new PurgeReport.Item(i.DataClass, RetentionPolicy.What(i.DataClass), policies[i.DataClass].Rule, i.Count, i.Cases)).ToList(),
                held, items.Sum(i => i.Count));
            return CairnJson.Serialize(report);
        }, cancellationToken).ConfigureAwait(false);
        return report!;
    }
}
