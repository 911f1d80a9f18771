using System.Diagnostics;

namespace Cairn.Bench.Server;

/// <summary>
/// A closed-loop HTTP load generator on loopback: <c>concurrency</c> workers each send the next
/// request as soon as the previous answer arrived, for a fixed time. Reports requests per second,
/// latency percentiles and errors (any non-2xx or exception).
/// </summary>
internal static class LoadGenerator
{
    public sealed record Result(string Name, int Concurrency, double Seconds, long Requests, long Errors, double P50Ms, double P99Ms, double MaxMs)
    {
        public double PerSecond => Requests / Seconds;

        public override string ToString() =>
            $"{Name}: {PerSecond,8:N0} req/s  p50 {P50Ms,6:F2} ms  p99 {P99Ms,6:F2} ms  max {MaxMs,7:F1} ms  ({Requests:N0} requests, {Errors} errors, {Concurrency} concurrent)";
    }

    public static async Task<Result> RunAsync(string name, IReadOnlyList<HttpClient> clients, TimeSpan duration, Func<HttpClient, int, HttpRequestMessage> next)
    {
        var stop = Stopwatch.StartNew();
        var workers = clients.Select((client, worker) => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            long errors = 0;
            var n = worker;
            while (stop.Elapsed < duration)
            {
                using var request = next(client, n++);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request).ConfigureAwait(false);
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode) errors++;
                }
                catch (HttpRequestException)
                {
                    errors++;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return (latencies, errors);
        })).ToList();
        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = stop.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        return new Result(name, clients.Count, seconds, all.Length, results.Sum(r => r.errors),
            Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
