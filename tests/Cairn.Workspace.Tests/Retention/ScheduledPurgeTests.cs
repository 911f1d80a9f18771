using Cairn.Cases.Agencies;
using Cairn.Storage;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Custody;
using Cairn.Workspace.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Tests.Retention;

/// <summary>
/// The scheduled purge on SQLite and PostgreSQL with the test's clock (<see cref="Cairn.TestSupport.ManualTime"/> injected as the
/// workspace's TimeProvider): without policies it does nothing and writes nothing; with them the first check purges (as the
/// scheduler, logged as a manual purge is), the next checks within the interval do not, the first after it does; a purge by
/// hand counts as the last purge, a preview does not; on PostgreSQL two nodes checking at once purge once.
/// </summary>
public sealed class ScheduledPurgeTests
{
    private static readonly TimeSpan Daily = TimeSpan.FromDays(1);
    private static readonly Actor Owner = new("olivia", "nca-uk");

    [DatabaseTheory]
    public async Task ScheduledPurge_RunsOncePerInterval_AsTheScheduler_AndTheLogVerifies(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await using var services = Services(test, test.Database);
        var scheduled = services.GetRequiredService<ScheduledPurge>();
        var retention = services.GetRequiredService<RetentionService>();
        var cases = services.GetRequiredService<CaseService>();
        await cases.CreateAsync(Owner, new NewCaseRequest("SCHED-1", "closed case", "fraud"));
        await cases.AddSubjectAsync(Owner, "SCHED-1", new SubjectRequest("person", "suspect", "Jane Roe", "", [], null));
        await cases.SetStatusAsync(Owner, "SCHED-1", new CaseStatusRequest("closed", null, "done"));

        // No policy deletes anything: nothing is due, nothing is written.
        Assert.Null(await scheduled.RunIfDueAsync(Daily));
        Assert.Empty((await retention.ViewAsync(Owner)).History);

        await File.WriteAllTextAsync(RetentionConfiguration.PathIn(test.DataDirectory), """{ "retention": { "personal_data": { "keep_days": 0 } } }""");
        var first = await scheduled.RunIfDueAsync(Daily);
        Assert.NotNull(first);
        Assert.Equal(scheduled.Actor.ToString(), first.By);
        Assert.Equal(1, first.Items.Single(i => i.DataClass == "personal_data").Count);
        Assert.Empty((await cases.GetAsync(Owner, "SCHED-1")).Subjects);
        var log = await services.GetRequiredService<SqlCustodyLog>().GetEntriesForAsync("retention", first.Id);
        Assert.Contains(log, e => e.Action == "retention.purge" && e.User == scheduled.Actor.User);

        test.Time.Advance(TimeSpan.FromHours(23));
        Assert.Null(await scheduled.RunIfDueAsync(Daily));
        await retention.PurgeAsync(Owner, dryRun: true); // a preview is not a purge
        Assert.Null(await scheduled.RunIfDueAsync(Daily));
        test.Time.Advance(TimeSpan.FromHours(1));
        var second = await scheduled.RunIfDueAsync(Daily);
        Assert.NotNull(second);
        Assert.Equal(0, second.Total);

        // A purge by hand counts: the schedule waits an interval after it.
        test.Time.Advance(TimeSpan.FromHours(20));
        await retention.PurgeAsync(Owner, dryRun: false);
        test.Time.Advance(TimeSpan.FromHours(5));
        Assert.Null(await scheduled.RunIfDueAsync(Daily));
        Assert.Equal(3, (await retention.ViewAsync(Owner)).History.Count(h => !h.DryRun));
        Assert.True((await services.GetRequiredService<CustodyService>().VerifyAsync()).Valid);
    }

    [PostgresFact]
    public async Task ScheduledPurge_TwoNodesCheckingAtOnce_PurgeOnce()
    {
        await using var test = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var again = await test.OpenAgainAsync();
        await using var nodeA = Services(test, test.Database);
        await using var nodeB = Services(test, again);
        await File.WriteAllTextAsync(RetentionConfiguration.PathIn(test.DataDirectory), """{ "retention": { "case_data": { "keep_days": 30 } } }""");
        for (var round = 0; round < 3; round++)
        {
            var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? nodeA : nodeB).GetRequiredService<ScheduledPurge>().RunIfDueAsync(Daily)));
            Assert.Single(reports, r => r is not null);
            test.Time.Advance(Daily);
        }
        Assert.Equal(3, (await nodeA.GetRequiredService<RetentionService>().ViewAsync(Owner)).History.Count);
    }

    private static ServiceProvider Services(TestDatabase test, CairnDatabase database) =>
        new ServiceCollection()
            .AddCairnWorkspace(new WorkspaceOptions { DataDirectory = test.DataDirectory, Time = test.Time })
            .AddSingleton(database)
            .BuildServiceProvider();
}
