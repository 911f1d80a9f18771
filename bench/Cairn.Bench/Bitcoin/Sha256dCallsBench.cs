using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Cairn.Bench.BitcoinParsing;
using Cairn.Chains.Bitcoin;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// `sha256d-calls`: double SHA-256 of many small inputs, the way ingest hashes txids and merkle
/// nodes, through each way .NET can reach OpenSSL: the one-shot <c>SHA256.HashData</c> (a digest
/// context allocated and freed per call), a reused <c>IncrementalHash</c>, a reused
/// <c>SHA256</c> instance, and libcrypto's low-level functions with a stack context
/// (<see cref="LibCryptoSha256"/>, what <see cref="DoubleSha256"/> now uses). Baseline from the
/// same run: the ingest benches' bound, SHA-256d over a whole real block in one call (per-call
/// overhead negligible). Inputs: 64-byte merkle nodes, 800-byte transactions, and the real
/// 2,500-transaction mainnet block's witness-stripped transactions. Best of five rounds.
/// </summary>
public sealed class Sha256dCallsBench : IBenchSuite
{
    private const int Rounds = 5;

    public string Name => "sha256d-calls";

    public string Description => "double SHA-256 of txid- and node-sized inputs per call path (HashData, IncrementalHash, SHA256 instance, libcrypto low-level) vs the one-call bound";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 0.3;
        var blockBytes = File.ReadAllBytes(BitcoinParsingSuite.FindBlock());
        var block = Block.Parse(blockBytes);
        var random = new Random(42);
        var inputs = new (string Name, byte[][] Items)[]
        {
            ("64-byte merkle nodes", Enumerable.Range(0, 4096).Select(_ => RandomBytes(random, 64)).ToArray()),
            ("800-byte transactions", Enumerable.Range(0, 1024).Select(_ => RandomBytes(random, 800)).ToArray()),
            ($"real block's {block.Transactions.Count:N0} txs", block.Transactions.Select(t => t.Serialize(withWitness: false)).ToArray()),
        };
        output.WriteLine($"libcrypto low-level SHA-256 available: {LibCryptoSha256.IsAvailable}; {seconds} s per round, best of {Rounds}");

        var digest = new byte[32];
        var boundRate = BestRate(seconds, blockBytes.Length, () => { SHA256.HashData(blockBytes, digest); SHA256.HashData(digest, digest); });
        output.WriteLine($"bound: SHA-256d of the {blockBytes.Length:N0}-byte block in one call  {boundRate / 1e6,8:F1} MB/s");

        using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var instance = SHA256.Create();
        foreach (var (name, items) in inputs)
        {
            var bytes = items.Sum(i => (long)i.Length);
            var paths = new List<(string Path, Action Hash)>
            {
                ("SHA256.HashData", () => { foreach (var item in items) { SHA256.HashData(item, digest); SHA256.HashData(digest, digest); } }),
                ("IncrementalHash reused", () =>
                {
                    foreach (var item in items)
                    {
                        incremental.AppendData(item);
                        incremental.GetHashAndReset(digest);
                        incremental.AppendData(digest);
                        incremental.GetHashAndReset(digest);
                    }
                }),
                ("SHA256 instance reused", () => { foreach (var item in items) { instance.TryComputeHash(item, digest, out _); instance.TryComputeHash(digest, digest, out _); } }),
            };
            if (LibCryptoSha256.IsAvailable)
            {
                paths.Add(("libcrypto low-level", () => { foreach (var item in items) LibCryptoSha256.HashDouble(item, digest); }));
                if (items[0].Length == 64) paths.Add(("libcrypto low-level, node", () => { foreach (var item in items) LibCryptoSha256.HashDoublePair(item, digest); }));
            }
            var baseline = 0.0;
            foreach (var (path, hash) in paths)
            {
                var rate = BestRate(seconds, bytes, hash);
                if (baseline == 0) baseline = rate;
                var perCall = 1e9 * bytes / rate / items.Length;
                output.WriteLine($"{name,-28} {path,-26} {rate / 1e6,8:F1} MB/s  {perCall,7:F0} ns per SHA-256d  {rate / boundRate,5:F2} of the bound  ratio to HashData {rate / baseline:F2}");
            }
        }
        return Task.FromResult(0);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Bytes per second of the fastest of <see cref="Rounds"/> rounds, each repeating <paramref name="hash"/> for about <paramref name="seconds"/>.</summary>
    private static double BestRate(double seconds, long bytesPerCall, Action hash)
    {
        hash();
        var best = 0.0;
        for (var round = 0; round < Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            long calls = 0;
            while (stopwatch.Elapsed.TotalSeconds < seconds)
            {
                hash();
                calls++;
            }
            best = Math.Max(best, calls * bytesPerCall / stopwatch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
