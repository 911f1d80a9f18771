using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Cairn.Server.Hosting;

namespace Cairn.Cli.Commands;

/// <summary>`cairn serve`: run this installation's server (API, web UI, node-to-node exchange) on the data directory.</summary>
internal static class ServeCommands
{
    internal static readonly Option<string> Urls = new("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };

    internal static readonly Option<string?> Db = new("--db") { Description = "PostgreSQL (postgres://user:pass@host:port/db); default: SQLite in the data directory" };

    internal static readonly Option<double> PurgeEvery = new("--purge-every")
    {
        Description = "Hours between two retention purges run by the server (once across all nodes; default 24; 0: never, purge with `cairn retention purge`)",
        DefaultValueFactory = _ => 24,
    };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("serve", "Run the server: REST API, web UI and node-to-node exchange") { Urls, Db, PurgeEvery };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var hours = parse.GetValue(PurgeEvery);
            if (!double.IsFinite(hours) || hours < 0 || hours > 24 * 366)
                throw new Core.ValidationException("purge_every", $"--purge-every {hours.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a number of hours from 0 (never) to 8784 (a year)");
            var options = new ServerOptions
            {
                DataDirectory = context.DataDirectory, Urls = parse.GetValue(Urls)!, DatabaseUrl = parse.GetValue(Db), PurgeInterval = TimeSpan.FromHours(hours),
            };
            return await RunAsync(context, options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(CliContext context, ServerOptions options, CancellationToken cancellationToken)
    {
        var server = await CairnServer.BuildAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
        await server.App.StartAsync(cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"Cairn is listening on {string.Join(", ", server.App.Urls)} (data {options.DataDirectory}); Ctrl+C stops it");
        if (server.BootstrapPassword is { } password)
            context.Output.WriteLine($"first start: sign in as 'admin' with the one-time password {password} (you will be asked to change it)");
        context.Output.Flush();
        await server.App.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return CliHost.Success;
    }
}
