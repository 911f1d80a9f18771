using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cairn.Cases.Agencies;
using Cairn.Development.Demo;
using Cairn.Development.Fuzzing;
using Cairn.Server.Hosting;
using static Cairn.Bench.BenchOptions;

namespace Cairn.Bench.Fuzzing;

/// <summary>
/// `fuzz`: every fuzz target (FuzzCatalogue) with a fixed seed, then every operation of the API
/// (ApiFuzzer) against a demo server, and prints cases, outcomes, findings and time per target.
/// Options: --cases N (10,000 per target), --api-cases N (default --cases), --seed S (17),
/// --target NAME (only targets whose name contains it), --no-api, --api-after OPERATION and
/// --api-until OPERATION (a slice of the API operations, in the document's order), --api-seeds (send each
/// operation's seeds once and print the answers, no fuzzing), --findings DIR
/// (writes each finding's minimised input there). Exit 1 when anything was found (docs/benchmarks.md).
/// </summary>
public sealed class FuzzBench : IBenchSuite
{
    private const string Password = "fuzzing bench password";

    public string Name => "fuzz";

    public string Description => "Fuzz every parser and every API operation with fixed seeds (--cases N, --api-cases N, --seed S, --target NAME, --no-api, --api-after OPERATION, --api-until OPERATION, --api-seeds, --findings DIR)";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cases = (int)Option(args, "--cases", 10_000);
        var apiCases = (int)Option(args, "--api-cases", cases);
        var seed = (ulong)Option(args, "--seed", 17);
        var filter = OptionText(args, "--target");
        var findingsDirectory = OptionText(args, "--findings");
        // Resumes a long API pass stopped part-way: the operations up to and including this one (in the document's order) are
        // skipped; the seed is per operation, so the rest run exactly as they would have in the whole pass.
        var apiAfter = OptionText(args, "--api-after");
        // The slice's last operation (inclusive): with --api-after, two processes on two cores share one pass.
        var apiUntil = OptionText(args, "--api-until");
        var reports = new List<FuzzReport>();
        output.WriteLine($"fuzz: {cases:N0} cases per target, seed {seed}");
        output.WriteLine($"{"target",-34} {"cases",8} {"accepted",9} {"refused",8} {"findings",8} {"seconds",8} {"cases/s",9}");
        foreach (var target in await FuzzCatalogue.CreateAsync(FuzzSeeds.Find(Directory.GetCurrentDirectory())))
        {
            if (filter is not null && !target.Name.Contains(filter, StringComparison.Ordinal)) continue;
            var report = FuzzRunner.Run(target, cases, seed);
            reports.Add(report);
            await PrintAsync(output, report, findingsDirectory);
        }
        if (!args.Contains("--no-api")) reports.AddRange(await FuzzApiAsync(output, apiCases, seed, filter, apiAfter, apiUntil, findingsDirectory, args.Contains("--api-seeds")));
        var findings = reports.SelectMany(r => r.Findings).ToList();
        output.WriteLine($"total: {reports.Count} targets, {reports.Sum(r => (long)r.Cases):N0} cases in {reports.Sum(r => r.Elapsed.TotalSeconds):F0} s, {findings.Count} findings");
        return findings.Count == 0 ? 0 : 1;
    }

    private static async Task<List<FuzzReport>> FuzzApiAsync(TextWriter output, int cases, ulong seed, string? filter, string? after, string? until, string? findingsDirectory, bool checkSeeds)
    {
        var data = Directory.CreateTempSubdirectory("cairn-bench-fuzz-").FullName;
        await DemoPipeline.RunAsync(data, TimeProvider.System, 2_000);
        // The demo chain is Bitcoin only: the Ethereum lookups get an index of two recorded mainnet blocks (no node needed).
        var ethereum = RecordedEthereumIndex.WriteInto(data, FuzzSeeds.Find(Directory.GetCurrentDirectory()).SharedData)
            ?? throw new InvalidOperationException("the shared data lacks ethereum-etl's recorded blocks (../shared/data/ethereum-etl)");
        var port = FreePort();
        // The exchange endpoints answer 503 until the node has keys (no API operation creates them: `cairn exchange node
        // init` does), so the pass gives the installation a node first, as an agency that exchanges would have.
        using (Cairn.Workspace.Exchange.NodeKeyFiles.Create(data, "fuzz-node", "Fuzzing node", DemoPipeline.Agency, "NL", $"http://127.0.0.1:{port}")) { }
        var host = await CairnServer.BuildAsync(new ServerOptions
        {
            DataDirectory = data, Urls = $"http://127.0.0.1:{port}", AdminAgency = DemoPipeline.Agency, AdminRoles = Enum.GetValues<Role>(),
            ApiRequestsPerSecond = 1_000_000, LoginAttemptsPerMinute = 1_000_000, ExchangeRequestsPerSecond = 1_000_000,
        },
        // Errors only: every refused case would otherwise write a warning to the console (tens of thousands per operation,
        // a slower run and a log in which the figure lines are lost); an unhandled error, which is a finding, still shows.
        ["--Logging:LogLevel:Default=Error"]);
        await host.App.StartAsync();
        var reports = new List<FuzzReport>();
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var (http, officer) = await TokenClientsAsync(baseAddress, host.BootstrapPassword!);
            using var disposeHttp = http;
            using var disposeOfficer = officer;
            await ApiFuzzTargets.RaiseAlertsAsync(host.App.Services);
            var openApi = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
            var book = await ApiSeedBook.LoadAsync(http, officer, ethereum);
            // A progress line every 500 cases (with each new finding at once), so a slice stopped part-way says how far it got.
            var printed = 0;
            var fuzzer = new ApiFuzzer(http, seed)
            {
                Progress = partial =>
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"progress {partial.Target,-25} {partial.Cases,8:N0} {partial.Accepted,9:N0} {partial.Refused,8:N0} {partial.Findings.Count,8} {partial.Elapsed.TotalSeconds,8:F1} {partial.CasesPerSecond,9:N1}"));
                    foreach (var finding in partial.Findings.Skip(printed)) output.WriteLine($"FINDING so far {finding.Target} ({finding.Kind}): {finding.Problem}");
                    printed = partial.Findings.Count;
                    output.Flush();
                },
            };
            var operations = ApiFuzzTargets.Fuzzable(ApiFuzzer.Operations(openApi)).ToList();
            if (after is not null)
            {
                var position = operations.FindIndex(o => o.OperationId == after);
                if (position < 0) throw new ArgumentException($"--api-after: no fuzzable operation '{after}' in the API document");
                operations = operations[(position + 1)..];
            }
            if (until is not null)
            {
                var position = operations.FindIndex(o => o.OperationId == until);
                if (position < 0) throw new ArgumentException($"--api-until: no fuzzable operation '{until}' after the start of the slice");
                operations = operations[..(position + 1)];
            }
            // SIGTERM or Ctrl+C stops the server's host (its console lifetime keeps the process alive and only signals the app to stop),
            // so the pass ends on that signal too: the operation under way is reported with the cases it ran, and the process exits.
            var stopping = host.App.Lifetime.ApplicationStopping;
            foreach (var operation in operations)
            {
                if (stopping.IsCancellationRequested) break;
                if (filter is not null && !("api " + operation.OperationId).Contains(filter, StringComparison.Ordinal)) continue;
                if (checkSeeds)
                {
                    // --api-seeds: each seed sent once as it is, to see which the server accepts (a refused seed fuzzes validation only).
                    foreach (var (status, answer) in await fuzzer.SendSeedsAsync(operation, book.For(operation)))
                        output.WriteLine($"seed {operation.OperationId,-32} {status} {answer}");
                    continue;
                }
                printed = 0;
                var report = await fuzzer.RunAsync(openApi, operation, cases, book.For(operation), stopping);
                reports.Add(report);
                await PrintAsync(output, report, findingsDirectory);
                if (report.Cases < cases) output.WriteLine($"stopped: {report.Target} after {report.Cases:N0} of {cases:N0} cases (the server was asked to stop)");
            }
        }
        finally
        {
            await host.App.StopAsync();
            await host.App.DisposeAsync();
        }
        return reports;
    }

    /// <summary>The fuzzing user's client (the admin, every role) and the second ledger user's, on an installation given what the seeds name.</summary>
    private static async Task<(HttpClient Http, HttpClient Officer)> TokenClientsAsync(Uri baseAddress, string oneTime)
    {
        var http = await ApiFuzzTargets.TokenClientAsync(baseAddress, "admin", oneTime, Password);
        using var session = await ApiFuzzTargets.SignedInAsync(baseAddress, "admin", Password);
        return (http, await ApiFuzzTargets.PrepareAsync(session));
    }

    /// <summary>
    /// The target's line, then its findings at once (printed and saved), so a long run stopped part-way still shows what the
    /// finished targets found.
    /// </summary>
    private static async Task PrintAsync(TextWriter output, FuzzReport report, string? findingsDirectory)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Target,-34} {report.Cases,8:N0} {report.Accepted,9:N0} {report.Refused,8:N0} {report.Findings.Count,8} {report.Elapsed.TotalSeconds,8:F1} {report.CasesPerSecond,9:N0}"));
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"FINDING {finding.Target} ({finding.Kind}): {finding.Problem}");
            output.WriteLine($"  minimised input ({finding.Minimised.Length} bytes): {Convert.ToHexString(finding.Minimised.AsSpan(0, Math.Min(finding.Minimised.Length, 96)))}");
            if (findingsDirectory is null) continue;
            var directory = Path.Combine(findingsDirectory, finding.Target.Replace(' ', '-'));
            Directory.CreateDirectory(directory);
            var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(finding.Minimised))[..16] + ".bin";
            await File.WriteAllBytesAsync(Path.Combine(directory, name), finding.Minimised);
        }
        await output.FlushAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
