using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cairn.Exchange.Tests.Nodes;

namespace Cairn.Exchange.Tests.Cluster;

/// <summary>
/// One real `cairn serve` process (the built cairn.dll run with dotnet) on a free port of
/// 127.0.0.1, optionally on a PostgreSQL database (--db); its standard output and error are kept
/// line by line. Readiness is polled on /healthz, never waited for with a fixed sleep.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();
    private readonly Process _process;

    private ServerProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public string Name { get; }

    public Uri Url { get; }

    public IReadOnlyList<string> Output => _output.ToList();

    public string Error => string.Join("\n", _error);

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(string name, string dataDirectory, string? databaseUrl = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cairn.dll"));
        foreach (var arg in new[] { "--data", dataDirectory, "serve", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        if (databaseUrl is not null)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(databaseUrl);
        }
        start.Environment["Exchange__RetryBaseMilliseconds"] = "200";
        start.Environment["Exchange__RetryMaxSeconds"] = "1";
        start.Environment.Remove("CAIRN_DATABASE");
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start cairn.dll");
        var server = new ServerProcess(name, process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._error.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"cairn serve {Name} exited with {_process.ExitCode}: {Error}");
            try
            {
                return (await http.GetAsync(new Uri(Url, "/healthz"))).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), $"{Name} to answer /healthz");
    }

    /// <summary>Waits for the process to end by itself (a refused start); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power cut of the node.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
