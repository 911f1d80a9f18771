using System.Diagnostics;
using Cairn.Cases.Cases;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Tests.Infrastructure;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Cases;

public class PostgresRestartTests
{
    [PostgresRestartFact]
    public async Task ServerRestartMidRun_KeepsCommittedData_AndTheNextCommandSucceeds()
    {
        // Its own cluster (CAIRN_TEST_PG_RESTART): restarting the shared one would cut every other
        // test assembly's PostgreSQL connections, since test assemblies run in parallel.
        await using var test = await TestDatabase.CreateAsync(SqlDialect.Postgres, adminConnectionString: Environment.GetEnvironmentVariable(PostgresRestartFactAttribute.ConnectionVariable));
        var store = new SqlCaseStore(test.Database);
        await store.CreateAsync(TestDatabase.Alice, new NewCase("BEFORE-RESTART", "committed before", "fraud"));

        await RestartServerAsync();

        var kept = await store.GetAsync(TestDatabase.Alice, "BEFORE-RESTART");
        Assert.Equal("committed before", kept.Title);
        await store.CreateAsync(TestDatabase.Alice, new NewCase("AFTER-RESTART", "written after", "fraud"));
        Assert.Equal(2, (await store.ListAsync(TestDatabase.Alice)).Count);
        Assert.True((await new SqlCustodyLog(test.Database).VerifyAsync()).IsValid);
    }

    private static async Task RestartServerAsync()
    {
        var pgCtl = Environment.GetEnvironmentVariable("CAIRN_TEST_PG_CTL")!;
        var dataDirectory = Environment.GetEnvironmentVariable("CAIRN_TEST_PG_DATA")!;
        var command = $"'{pgCtl}' -D '{dataDirectory}' restart -m fast -w";
        // pg_ctl refuses to run as root; CI runs as root and the cluster belongs to postgres.
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/bash", "-c", command])
            : new ProcessStartInfo("/bin/bash", ["-c", command]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pg_ctl restart failed: " + error);
    }
}
