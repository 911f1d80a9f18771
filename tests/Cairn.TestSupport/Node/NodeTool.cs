using System.Diagnostics;
using Cairn.TestSupport.Database;

namespace Cairn.TestSupport.Node;

/// <summary>
/// Runs a Node.js script of the repository with a JSON request on standard input and returns what it
/// prints: peer implementations from npm (pinned in package.json, installed by `npm ci`) check
/// Cairn's formats. <see cref="MissingReason"/> says why such a test cannot run here.
/// </summary>
public static class NodeTool
{
    private static readonly Lazy<string?> NodePath = new(() =>
        Environment.GetEnvironmentVariable("CAIRN_NODE") is { Length: > 0 } configured ? configured
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "node")).FirstOrDefault(File.Exists));

    /// <summary>Why node or <paramref name="package"/> is unavailable, or null when the script can run.</summary>
    public static string? MissingReason(string package)
    {
        if (NodePath.Value is null) return "node is not installed (Debian package nodejs; or set CAIRN_NODE)";
        var folder = Path.Combine(SharedData.RepositoryRoot, "node_modules", package);
        return Directory.Exists(folder) ? null : $"node_modules/{package} is missing (run `npm ci` in the repository)";
    }

    /// <summary>Runs <paramref name="script"/> (a path relative to the repository) with <paramref name="stdin"/>; throws with its error output when it fails.</summary>
    public static string Run(string script, string stdin, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(NodePath.Value ?? throw new InvalidOperationException("node is not installed"), Path.Combine(SharedData.RepositoryRoot, script))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedData.RepositoryRoot,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {error.Result.Trim()}");
        return output.Result;
    }

    /// <summary>Skips when node or the package is missing, except under CI=true, where the test runs and fails.</summary>
    public static string? SkipReason(string package) => TestDatabase.InContinuousIntegration ? null : MissingReason(package);
}
