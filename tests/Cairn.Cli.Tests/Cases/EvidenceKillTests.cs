using System.Diagnostics;
using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Cases;

/// <summary>
/// Kills a real `cairn evidence add` process in the middle of an import (the CAIRN_TEST_PAUSE_AT
/// hook parks it at the chosen point) and checks that after restart the evidence store, the
/// stored files and the custody log agree.
/// </summary>
public class EvidenceKillTests
{
    private static readonly string OfacEth = SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_ETH.txt");

    [Theory]
    [InlineData("evidence.file-stored")]
    [InlineData("evidence.before-commit")]
    public async Task KilledImport_LeavesStoreAndLogInAgreement_AfterRestart(string point)
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "fraud").ExitCode);

        await KillAtAsync(data.Path, point, "evidence", "add", "--case", "C-1", OfacEth, "--source", "OFAC list");

        var reconcile = data.Run("evidence", "reconcile", "--json");
        Assert.Equal(0, reconcile.ExitCode);
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
        Assert.Equal(0, JsonDocument.Parse(data.Run("evidence", "list", "--case", "C-1", "--json").Output).RootElement.GetArrayLength());
        Assert.Empty(StoredFiles(data.Path));

        var added = JsonDocument.Parse(data.Run("evidence", "add", "--case", "C-1", OfacEth, "--source", "OFAC list", "--json").Output).RootElement;
        var sha = added.GetProperty("sha256").GetString()!;
        Assert.Equal([sha], StoredFiles(data.Path));
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
        Assert.Equal(1, JsonDocument.Parse(data.Run("evidence", "list", "--case", "C-1", "--json").Output).RootElement.GetArrayLength());
    }

    private static List<string> StoredFiles(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "evidence");
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Where(d => Path.GetFileName(d) != "tmp").SelectMany(Directory.EnumerateFiles).Select(f => Path.GetFileName(f)!).ToList()
            : [];
    }

    private static async Task KillAtAsync(string dataDirectory, string point, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cairn.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CAIRN_TEST_PAUSE_AT"] = point;
        start.Environment.Remove("CAIRN_DATABASE");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var line = await process.StandardError.ReadLineAsync(timeout.Token);
                Assert.True(line is not null, $"cairn exited before reaching {point}");
                if (line == $"paused at {point}") break;
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
