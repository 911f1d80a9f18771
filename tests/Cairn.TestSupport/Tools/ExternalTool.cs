using System.Diagnostics;

namespace Cairn.TestSupport.Tools;

/// <summary>Finds and runs programs that check Cairn's output from outside (openssl, sha256sum): peer tools, not Cairn code.</summary>
public static class ExternalTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string name, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(name) ?? throw new InvalidOperationException($"{name} is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
