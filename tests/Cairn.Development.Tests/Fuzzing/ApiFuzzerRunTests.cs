using System.Net;
using System.Text.Json.Nodes;
using Cairn.Development.Fuzzing;

namespace Cairn.Development.Tests.Fuzzing;

/// <summary>
/// How a run of the API fuzzer reports on itself when it is long or cut short: progress between two round numbers of cases, the
/// cases run so far when it is stopped, and an answer that never came (a closed connection) as a finding rather than an exception
/// that would end the whole pass. No server: a handler answers in its place.
/// </summary>
public class ApiFuzzerRunTests
{
    private static readonly JsonNode OpenApi = JsonNode.Parse("""{"paths":{},"components":{"schemas":{}}}""")!;

    private static readonly ApiOperation Operation = new("GET", "/api/v1/things/{id}", "GetThing", null, [("id", "path", null)]);

    private static readonly ApiSeed Seed = new(new Dictionary<string, string> { ["id"] = "thing-1" }, []);

    [Fact]
    public async Task Run_StoppedPartWay_AnswersTheCasesRunSoFar_InsteadOfThrowing()
    {
        using var stop = new CancellationTokenSource();
        var sent = 0;
        using var http = Client(new Answering(count => sent = count));
        // The stop comes once the seventh case is done (as a signal would, between two cases).
        var fuzzer = new ApiFuzzer(http, 17) { ProgressEvery = 7, Progress = _ => stop.Cancel() };

        var report = await fuzzer.RunAsync(OpenApi, Operation, 100, Seed, stop.Token);

        Assert.Equal(7, report.Cases);
        Assert.Equal(7, report.Accepted + report.Refused);
        Assert.Equal(7, sent);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task Progress_ComesWhenItsIntervalHasPassed_EvenBeforeItsNumberOfCases()
    {
        var progress = new List<int>();
        using var http = Client(new Answering(_ => { }));
        var fuzzer = new ApiFuzzer(http, 17) { ProgressEvery = 1_000, ProgressInterval = TimeSpan.Zero, Progress = partial => progress.Add(partial.Cases) };

        var report = await fuzzer.RunAsync(OpenApi, Operation, 5, Seed);

        // After every case but the last (whose figures are the report itself).
        Assert.Equal([1, 2, 3, 4], progress);
        Assert.Equal(5, report.Cases);
    }

    [Fact]
    public async Task Progress_ComesEveryNumberOfCases_WhenItsIntervalHasNotPassed()
    {
        var progress = new List<int>();
        using var http = Client(new Answering(_ => { }));
        var fuzzer = new ApiFuzzer(http, 17) { ProgressEvery = 3, ProgressInterval = TimeSpan.FromHours(1), Progress = partial => progress.Add(partial.Cases) };

        await fuzzer.RunAsync(OpenApi, Operation, 10, Seed);

        Assert.Equal([3, 6, 9], progress);
    }

    [Fact]
    public async Task AConnectionClosedWithoutAnAnswer_IsACrashFinding_AndTheRunGoesOn()
    {
        using var http = Client(new Answering(count => throw new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely."))));
        var fuzzer = new ApiFuzzer(http, 17);

        var report = await fuzzer.RunAsync(OpenApi, Operation, 20, Seed);

        Assert.Equal(20, report.Cases);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("crash", finding.Kind);
        Assert.Contains("no answer", finding.Problem, StringComparison.Ordinal);
    }

    private static HttpClient Client(HttpMessageHandler handler) => new(handler) { BaseAddress = new Uri("http://127.0.0.1:9/") };

    /// <summary>Answers every request 200 with an empty JSON object, after calling <c>onRequest</c> with the request's number (from 1).</summary>
    private sealed class Answering(Action<int> onRequest) : HttpMessageHandler
    {
        private int _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onRequest(++_count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
