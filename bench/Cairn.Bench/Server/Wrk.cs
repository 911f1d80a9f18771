using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cairn.Bench.Server;

/// <summary>
/// Drives a URL with wrk (Debian package `wrk`) from its own process, so the load generator does not
/// share the server's runtime; parses requests/s, p50, p99 and errors from its `--latency` report.
/// </summary>
internal static partial class Wrk
{
    public static string? Find() => new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);

    public static LoadGenerator.Result Run(string wrk, string name, Uri url, int connections, TimeSpan duration, string? token, string? postJson = null)
    {
        var script = Path.GetTempFileName();
        File.WriteAllText(script, postJson is null ? "" :
            $"wrk.method = \"POST\"\nwrk.body = [[{postJson}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        try
        {
            var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{(int)duration.TotalSeconds}s", "--latency", "-s", script })
                start.ArgumentList.Add(arg);
            if (token is not null)
            {
                start.ArgumentList.Add("-H");
                start.ArgumentList.Add($"Authorization: Bearer {token}");
            }
            start.ArgumentList.Add(url.ToString());
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var seconds = double.Parse(RequestsLine().Match(output).Groups[2].Value, CultureInfo.InvariantCulture);
            var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var socketErrors = SocketErrors().Match(output) is { Success: true } s ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
            return new LoadGenerator.Result($"{name} (wrk)", connections, seconds, requests, non2xx + socketErrors,
                Millis(Percentile(output, "50%")), Millis(Percentile(output, "99%")), Millis(MaxLatency().Match(output).Groups[1].Value));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Percentile(string output, string label) => Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    /// <summary>wrk prints durations as 812.00us, 3.21ms or 1.20s.</summary>
    private static double Millis(string text)
    {
        if (text.Length == 0) return double.NaN;
        var unit = text.EndsWith("us", StringComparison.Ordinal) ? 0.001 : text.EndsWith("ms", StringComparison.Ordinal) ? 1 : text.EndsWith('s') ? 1000 : 60_000;
        var number = text.TrimEnd('u', 'm', 's');
        return double.Parse(number, CultureInfo.InvariantCulture) * unit;
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Latency\s+\S+\s+\S+\s+(\S+)")]
    private static partial Regex MaxLatency();
}
