using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Infrastructure;

/// <summary>Issue 17: a background job takes a cluster-wide lock, so two nodes on one PostgreSQL database never run it at once.</summary>
public class ClusterJobLockTests
{
    [DatabaseTheory]
    public async Task WhileOneNodeRunsAJob_AnotherNodeSkipsIt_AndRunsItAfterwards(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await using var other = await test.OpenAgainAsync();
        var first = new ClusterJobLock(test.Database, "nightly");
        var second = new ClusterJobLock(dialect == SqlDialect.Postgres ? other : test.Database, "nightly");
        var running = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var holder = first.TryRunAsync(async _ =>
        {
            running.SetResult();
            await release.Task;
        });
        await running.Task;
        // SQLite is one node: there the same lock object is what keeps a second pass out.
        var skipped = dialect == SqlDialect.Postgres ? second : first;
        var ranMeanwhile = await skipped.TryRunAsync(_ => Task.CompletedTask);
        var otherJobRan = await new ClusterJobLock(dialect == SqlDialect.Postgres ? other : test.Database, "another job").TryRunAsync(_ => Task.CompletedTask);
        release.SetResult();
        Assert.True(await holder);
        var ranAfter = await skipped.TryRunAsync(_ => Task.CompletedTask);

        Assert.False(ranMeanwhile);
        Assert.True(otherJobRan);
        Assert.True(ranAfter);
    }

    [PostgresFact]
    public async Task ANodeWhoseConnectionDies_ReleasesTheLock()
    {
        await using var test = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var dying = await test.OpenAgainAsync();
        var started = new TaskCompletionSource();
        using var end = new CancellationTokenSource();
        var hold = new ClusterJobLock(dying, "courier").TryRunAsync(async token =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), token);
        }, end.Token);
        await started.Task;
        var job = new ClusterJobLock(test.Database, "courier");
        Assert.False(await job.TryRunAsync(_ => Task.CompletedTask));

        // The holder's server connection ends, as when its process is killed.
        await test.Database.QueryAsync(c => Dapper.SqlMapper.ExecuteAsync(c,
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));

        var ran = false;
        for (var i = 0; i < 50 && !ran; i++)
        {
            ran = await job.TryRunAsync(_ => Task.CompletedTask);
            if (!ran) await Task.Delay(100);
        }
        Assert.True(ran);
        await end.CancelAsync();
        await Record.ExceptionAsync(() => hold);
    }
}
