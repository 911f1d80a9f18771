using Cairn.Cases.Agencies;
using Cairn.Server.Hosting;
using Cairn.TestSupport;
using Cairn.Workspace;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// The server's background purge (docs/operations.md), started as `cairn serve` starts it, with the test's clock injected:
/// with a short interval it purges the closed case's personal data on its own, as the scheduler, once per interval; with
/// interval zero it stops at once and writes nothing.
/// </summary>
public sealed class ScheduledPurgeServiceTests
{
    private static readonly Actor Owner = new("olivia", "nca-uk");

    [Fact]
    public async Task ScheduledPurgeService_ShortInterval_PurgesOnItsOwn_AsTheScheduler()
    {
        var data = Directory.CreateTempSubdirectory("cairn-scheduled-").FullName;
        var time = ManualTime.Default();
        await using var services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = data, Time = time }).BuildServiceProvider();
        var cases = services.GetRequiredService<CaseService>();
        await cases.CreateAsync(Owner, new NewCaseRequest("SCHED-SRV-1", "closed case", "fraud"));
        await cases.AddSubjectAsync(Owner, "SCHED-SRV-1", new SubjectRequest("person", "suspect", "Jane Roe", "", [], null));
        await cases.SetStatusAsync(Owner, "SCHED-SRV-1", new CaseStatusRequest("closed", null, "done"));
        await File.WriteAllTextAsync(RetentionConfiguration.PathIn(data), """{ "retention": { "personal_data": { "keep_days": 0 } } }""");

        var interval = TimeSpan.FromMilliseconds(200);
        using var service = new ScheduledPurgeService(services.GetRequiredService<ScheduledPurge>(), new ServerOptions { DataDirectory = data, PurgeInterval = interval },
            time, NullLogger<ScheduledPurgeService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var retention = services.GetRequiredService<RetentionService>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await retention.ViewAsync(Owner)).History.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        // The test's clock stands still (bar a millisecond per reading): no second purge is due, however often the service asks.
        await Task.Delay(interval * 5);
        await service.StopAsync(CancellationToken.None);

        var history = (await retention.ViewAsync(Owner)).History;
        var purge = Assert.Single(history);
        Assert.Equal(services.GetRequiredService<ScheduledPurge>().Actor.ToString(), purge.By);
        Assert.Empty((await cases.GetAsync(Owner, "SCHED-SRV-1")).Subjects);
        Assert.True((await services.GetRequiredService<Workspace.Custody.CustodyService>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task ScheduledPurgeService_IntervalZero_IsOff_AndWritesNothing()
    {
        var data = Directory.CreateTempSubdirectory("cairn-scheduled-").FullName;
        await using var services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = data }).BuildServiceProvider();
        await File.WriteAllTextAsync(RetentionConfiguration.PathIn(data), """{ "retention": { "personal_data": { "keep_days": 0 } } }""");
        using var service = new ScheduledPurgeService(services.GetRequiredService<ScheduledPurge>(), new ServerOptions { DataDirectory = data, PurgeInterval = TimeSpan.Zero },
            TimeProvider.System, NullLogger<ScheduledPurgeService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty((await services.GetRequiredService<RetentionService>().ViewAsync(Owner)).History);
    }
}
