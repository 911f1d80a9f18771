using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cairn.Cli;

namespace Cairn.Exchange.Tests.Nodes;

/// <summary>
/// One Cairn installation for the multi-node tests: its own data directory (own SQLite database and
/// keys) and, while started, a real `cairn serve` process on 127.0.0.1. Readiness is polled on
/// /healthz, never waited for with a fixed sleep. CLI commands run in-process on the same data directory.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private Process? _process;

    public NodeProcess(string name)
    {
        Name = name;
        DataDirectory = Directory.CreateTempSubdirectory("cairn-node-" + name + "-").FullName;
        Port = FreePort();
    }

    public string Name { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs `cairn --data DIR args…` in-process and fails the test on a non-zero exit.</summary>
    public string Cli(params string[] args)
    {
        var result = TryCli(args);
        if (result.ExitCode != 0) throw new InvalidOperationException($"cairn {string.Join(' ', args)} on {Name} exited {result.ExitCode}: {result.Error}");
        return result.Output;
    }

    public Result TryCli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliHost.Run(["--data", DataDirectory, .. args], output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cairn.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--data", DataDirectory, "serve", "--urls", Url }) start.ArgumentList.Add(arg);
        start.Environment["Exchange__RetryBaseMilliseconds"] = "200";
        start.Environment["Exchange__RetryMaxSeconds"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + dll);
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"cairn serve for {Name} exited with {_process.ExitCode}");
            try
            {
                return (await http.GetAsync(new Uri(Url + "/healthz"))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), $"{Name} to answer /healthz");
    }

    /// <summary>Kills the server process abruptly (no graceful shutdown), as a crash or power cut would.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A just-killed process may still hold the database for a moment; the OS cleans temp space.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
