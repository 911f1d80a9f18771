using System.Diagnostics;
using Cairn.TestSupport;

namespace Cairn.Server.Tests.OpenApi;

/// <summary>Runs the pinned Redocly CLI (node_modules/@redocly/cli) with the repository's redocly.yaml (the recommended rules).</summary>
public static class Redocly
{
    public static string Cli => Path.Combine(SharedData.RepositoryRoot, "node_modules", "@redocly", "cli", "bin", "cli.js");

    public static string Config => Path.Combine(SharedData.RepositoryRoot, "redocly.yaml");

    /// <summary>The node executable on PATH, or null.</summary>
    public static string? Node() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "node")).FirstOrDefault(File.Exists);

    /// <summary>`redocly lint FILE` with the repository's configuration: the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(string document)
    {
        var start = new ProcessStartInfo(Node() ?? "node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = SharedData.RepositoryRoot };
        foreach (var argument in new[] { Cli, "lint", document, "--config", Config, "--format", "stylish" }) start.ArgumentList.Add(argument);
        // No telemetry and no update check: the tests run offline.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
