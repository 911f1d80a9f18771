using Cairn.Server.Hosting;

// `dotnet run --project src/Cairn.Server -- --data DIR [--db postgres://…] [--urls http://127.0.0.1:5080] [--purge-every HOURS]`
// (the same server as `cairn serve`).
var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
var options = new ServerOptions
{
    DataDirectory = Path.GetFullPath(configuration["data"] ?? Environment.GetEnvironmentVariable("CAIRN_DATA") ?? Path.Combine(Environment.CurrentDirectory, "cairn-data")),
    DatabaseUrl = configuration["db"],
    Urls = configuration["urls"] ?? "http://127.0.0.1:5080",
    PurgeInterval = configuration["purge-every"] is { } hours
        ? TimeSpan.FromHours(double.TryParse(hours, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h) && h >= 0 && h <= 24 * 366 ? h
            : throw new ArgumentException($"--purge-every '{hours}' is not a number of hours from 0 (never) to 8784 (a year)"))
        : TimeSpan.FromDays(1),
};
var host = await CairnServer.BuildAsync(options);
if (host.BootstrapPassword is { } password)
    Console.WriteLine($"first start: sign in as 'admin' with the one-time password {password} (you will be asked to change it)");
await host.App.RunAsync();

/// <summary>Entry point type, public so WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
