using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Matching;
using Cairn.Exchange.Nodes;

namespace Cairn.Bench.Exchange;

/// <summary>
/// `exchange`: envelopes sealed and opened per second (4 KiB payload) beside bare AES-256-GCM of the
/// same payload; private matching of 1M identifiers against a 1M-entry filter (time, false positives)
/// beside a plain HashSet intersection, in the same run. Args: [identifiers=1000000] [envelopes=2000].
/// </summary>
public sealed class ExchangeBench : IBenchSuite
{
    public string Name => "exchange";

    public string Description => "Envelope seal/open throughput; 1M-vs-1M private matching vs HashSet";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var envelopes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        Envelopes(envelopes, output);
        Matching(count, output);
        return Task.FromResult(0);
    }

    private static void Envelopes(int n, TextWriter output)
    {
        using var sender = NodeIdentity.Create("bench-a", "a", "fiu-a", "NL", "http://127.0.0.1:1");
        using var recipient = NodeIdentity.Create("bench-b", "b", "fiu-b", "DE", "http://127.0.0.1:2");
        var payload = RandomNumberGenerator.GetBytes(4096);
        var now = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);
        var wires = new List<byte[]>(n);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) wires.Add(Encoding.UTF8.GetBytes(EnvelopeSealer.Seal(sender, recipient.Card, EnvelopeType.Request, payload, now).ToJson()));
        var sealSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        foreach (var wire in wires) EnvelopeOpener.Open(wire, recipient, id => id == sender.NodeId ? sender.Card : null, now);
        var openSeconds = watch.Elapsed.TotalSeconds;
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = new byte[12];
        var cipher = new byte[payload.Length];
        var tag = new byte[16];
        watch.Restart();
        using (var aes = new AesGcm(key, 16))
            for (var i = 0; i < n; i++) aes.Encrypt(nonce, payload, cipher, tag);
        var aesSeconds = watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"envelopes (4 KiB payload, n={n}): seal {n / sealSeconds:F0}/s, open {n / openSeconds:F0}/s; baseline bare AES-256-GCM {n / aesSeconds:F0}/s (seal costs {sealSeconds / aesSeconds:F0}x, open {openSeconds / aesSeconds:F0}x: ECDH + ECDSA dominate)"));
    }

    private static void Matching(int n, TextWriter output)
    {
        // Published: n identifiers; checked: n identifiers of which 10% are published ones.
        var published = Enumerable.Range(0, n).Select(i => "0x" + i.ToString("x40", CultureInfo.InvariantCulture)).ToList();
        var members = n / 10;
        var checkedIds = Enumerable.Range(0, n).Select(i => i < members ? published[i * 7 % n] : "bc1q" + i.ToString("x38", CultureInfo.InvariantCulture)).ToList();
        var expectedHits = checkedIds.Take(members).Distinct().Count();
        var watch = Stopwatch.StartNew();
        var filter = MatchFilter.Build(published, 1e-6, "bench", DateTimeOffset.UnixEpoch);
        var buildSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var hits = filter.Hits(checkedIds).Count;
        var checkSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var set = new HashSet<string>(published, StringComparer.Ordinal);
        var plainHits = checkedIds.Count(set.Contains);
        var setSeconds = watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matching {n:N0} identifiers against a {n:N0}-entry filter (target FP 1e-6, {filter.Parameters.Bits / 8 / 1024.0 / 1024:F1} MiB, k={filter.Parameters.HashCount}): build {buildSeconds:F2} s, check {checkSeconds:F2} s, hits {hits:N0} of which false positives {hits - expectedHits} (expected {(n - members) * filter.ExpectedFalsePositiveRate:F2})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline plain HashSet intersection (raw identifiers, no privacy): {setSeconds:F2} s, hits {plainHits:N0}; filter build+check is {(buildSeconds + checkSeconds) / setSeconds:F1}x the plain intersection"));
    }
}
