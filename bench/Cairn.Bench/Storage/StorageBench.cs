using System.Diagnostics;
using System.Globalization;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Storage;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Dapper;
using Npgsql;

namespace Cairn.Bench.Storage;

/// <summary>
/// Custody-log append rate and proof time, on SQLite and PostgreSQL (PostgreSQL from
/// CAIRN_BENCH_POSTGRES or CAIRN_TEST_POSTGRES, a superuser connection string), and case creation
/// requests/s on PostgreSQL. Each figure beside a baseline measured in the same run:
/// appends vs. a plain single-row INSERT transaction, proofs vs. a primary-key SELECT, case creation
/// vs. a plain INSERT. Options: --seconds S (time budget per append figure, default 10),
/// --proof-size N (entries bulk-loaded for the proof figure, default 1000000).
/// </summary>
public sealed class StorageBench : IBenchSuite
{
    private static readonly Actor Operator = new("bench", "bench-agency");

    public string Name => "storage";

    public string Description => "custody log append/proofs (SQLite, PostgreSQL), case creation/s (PostgreSQL)";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = Option(args, "--seconds", 10);
        var proofSize = Option(args, "--proof-size", 1_000_000);
        var postgres = Environment.GetEnvironmentVariable("CAIRN_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CAIRN_TEST_POSTGRES");
        foreach (var dialect in new[] { SqlDialect.Sqlite, SqlDialect.Postgres })
        {
            if (dialect == SqlDialect.Postgres && postgres is null)
            {
                output.WriteLine("postgres: skipped (set CAIRN_BENCH_POSTGRES)");
                continue;
            }
            await using var scratch = await Scratch.CreateAsync(dialect, postgres);
            await AppendAsync(scratch.Database, dialect, TimeSpan.FromSeconds(seconds), output);
            await using var big = await Scratch.CreateAsync(dialect, postgres);
            await ProofsAsync(big.Database, dialect, proofSize, output);
            if (dialect == SqlDialect.Postgres)
            {
                await using var cases = await Scratch.CreateAsync(dialect, postgres);
                await CaseCreationAsync(cases.Database, TimeSpan.FromSeconds(seconds), output);
            }
        }
        return 0;
    }

    private static async Task AppendAsync(CairnDatabase database, SqlDialect dialect, TimeSpan budget, TextWriter output)
    {
        var log = new SqlCustodyLog(database);
        var appended = await Timed(budget, () => log.AppendAsync(new CustodyRecord(Operator, "case.read", "case", "bench", "")));
        await using (var connection = await database.OpenConnectionAsync())
            await connection.ExecuteAsync("CREATE TABLE bench_plain (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
        long next = 0;
        var plain = await Timed(budget, async () =>
        {
            await database.InTransactionAsync(Operator, unit => unit.ExecuteAsync("INSERT INTO bench_plain (id, payload) VALUES (@id, 'x')", new { id = next++ }));
        });
        Report(output, $"{dialect} log append, one transaction each (entry + nodes + signed head)", appended, "plain 1-row INSERT transaction", plain, "entries/s");

        var batched = await Timed(budget, () => database.InTransactionAsync(Operator, async unit =>
        {
            for (var i = 0; i < 100; i++) await unit.RecordAsync("case.read", "case", "bench", "");
        }));
        var plainBatched = await Timed(budget, () => database.InTransactionAsync(Operator, async unit =>
        {
            for (var i = 0; i < 100; i++) await unit.ExecuteAsync("INSERT INTO bench_plain (id, payload) VALUES (@id, 'x')", new { id = next++ });
        }));
        Report(output, $"{dialect} log append, 100 per transaction", batched * 100, "plain INSERT, 100 per transaction", plainBatched * 100, "entries/s");
    }

    private static async Task ProofsAsync(CairnDatabase database, SqlDialect dialect, int size, TextWriter output)
    {
        var fill = Stopwatch.StartNew();
        await BulkLoad.FillAsync(database, size);
        output.WriteLine($"{dialect} bulk-loaded {size:N0} entries and {size * 2 - 1:N0} tree nodes in {fill.Elapsed.TotalSeconds:F1} s");
        var log = new SqlCustodyLog(database);
        var head = await log.GetHeadAsync();
        var random = new Random(7);
        var proofs = 300;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < proofs; i++)
        {
            var proof = await log.GetInclusionProofAsync(random.NextInt64(size), size);
            if (proof.AuditPath.Count == 0) throw new InvalidOperationException("empty proof");
        }
        var proofMs = sw.Elapsed.TotalMilliseconds / proofs;
        sw.Restart();
        for (var i = 0; i < proofs; i++) await log.GetEntryAsync(random.NextInt64(size));
        var lookupMs = sw.Elapsed.TotalMilliseconds / proofs;
        output.WriteLine($"{dialect} inclusion proof at {size:N0} entries: {proofMs:F3} ms; baseline primary-key entry read {lookupMs:F3} ms; ratio {proofMs / lookupMs:F1}x (tree size {head.Head.TreeSize:N0})");
        sw.Restart();
        var consistency = await log.GetConsistencyProofAsync(size / 3, size);
        output.WriteLine($"{dialect} consistency proof {size / 3:N0} -> {size:N0}: {sw.Elapsed.TotalMilliseconds:F3} ms ({consistency.Path.Count} hashes)");
    }

    private static async Task CaseCreationAsync(CairnDatabase database, TimeSpan budget, TextWriter output)
    {
        const int clients = 8;
        var store = new SqlCaseStore(database);
        long counter = 0;
        var created = await Parallel(clients, budget, () =>
        {
            var n = Interlocked.Increment(ref counter);
            return store.CreateAsync(Operator, new NewCase($"BENCH-{n}", "bench", "fraud"));
        });
        await using (var connection = await database.OpenConnectionAsync())
            await connection.ExecuteAsync("CREATE TABLE bench_cases (id TEXT PRIMARY KEY, reference TEXT NOT NULL)");
        var plain = await Parallel(clients, budget, () => database.InTransactionAsync(Operator, unit =>
        {
            var n = Interlocked.Increment(ref counter);
            return unit.ExecuteAsync("INSERT INTO bench_cases (id, reference) VALUES (@id, @reference)", new { id = CairnIds.New(TimeProvider.System), reference = $"P-{n}" });
        }));
        Report(output, $"Postgres case create ({clients} clients; row + custody entry + signed head)", created, "plain 1-row INSERT transaction", plain, "requests/s");
    }

    private static async Task<double> Timed(TimeSpan budget, Func<Task> operation)
    {
        var sw = Stopwatch.StartNew();
        long count = 0;
        while (sw.Elapsed < budget)
        {
            await operation();
            count++;
        }
        return count / sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> Parallel(int clients, TimeSpan budget, Func<Task> operation)
    {
        var sw = Stopwatch.StartNew();
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (sw.Elapsed < budget)
            {
                await operation();
                Interlocked.Increment(ref count);
            }
        })));
        return count / sw.Elapsed.TotalSeconds;
    }

    private static void Report(TextWriter output, string what, double value, string baselineName, double baseline, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {value:F0} {unit}; baseline {baselineName}: {baseline:F0} {unit}; ratio {value / baseline:F2}"));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
