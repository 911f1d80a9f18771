using System.Net;
using System.Net.Sockets;
using Cairn.Cases.Agencies;
using Cairn.Server.Hosting;

namespace Cairn.Server.Tests.Infrastructure;

/// <summary>A real server (Kestrel on a free loopback port) over a data directory, as `cairn serve` runs it.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private TestServer(ServerHost host, Uri address, string dataDirectory)
    {
        Host = host;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public ServerHost Host { get; }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public static async Task<TestServer> StartAsync(string dataDirectory, string adminAgency, IReadOnlyList<Role>? adminRoles = null, Func<ServerOptions, ServerOptions>? configure = null)
    {
        var port = FreePort();
        var options = new ServerOptions
        {
            DataDirectory = dataDirectory,
            Urls = $"http://127.0.0.1:{port}",
            AdminAgency = adminAgency,
            AdminRoles = adminRoles ?? Enum.GetValues<Role>(),
            ApiRequestsPerSecond = 10_000,
        };
        options = configure?.Invoke(options) ?? options;
        var host = await CairnServer.BuildAsync(options);
        await host.App.StartAsync();
        return new TestServer(host, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
    }

    public ApiClient Anonymous() => new(Address);

    public async ValueTask DisposeAsync()
    {
        await Host.App.StopAsync();
        await Host.App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
