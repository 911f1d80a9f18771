using System.Globalization;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Development.Generation;
using Cairn.Workspace.Chain;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Tests.Chain;

/// <summary>
/// The Parquet export read back by a peer engine (DuckDB): balances and forward reachability
/// computed by DuckDB over the files equal the application's own answers on a generated chain.
/// </summary>
public sealed class ParquetExportTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("cairn-parquet-").FullName;
    private readonly ServiceProvider _services;

    public ParquetExportTests() =>
        _services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = Path.Combine(_root, "data") }).BuildServiceProvider();

    private ChainService Chains => _services.GetRequiredService<ChainService>();

    [Fact]
    public async Task ExportedFiles_ReadByDuckDb_GiveCairnsBalancesAndThreeHopReachability()
    {
        var blocks = Path.Combine(_root, "blocks");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 3_000, Seed = 11, OutputDirectory = blocks });
        await Chains.IngestUtxoAsync("btc", new BitcoinIngestRequest(blocks, null, Network: "regtest"));
        var output = Path.Combine(_root, "export");

        var summary = await Chains.ExportParquetAsync("btc", output);

        Assert.Equal(UtxoParquetExporter.FileNames.Order(StringComparer.Ordinal).ToArray(), Directory.GetFiles(output).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        string File(string name) => Path.Combine(output, name + ".parquet").Replace("'", "''", StringComparison.Ordinal);
        Assert.Equal(summary.Transactions, Scalar(duck, $"SELECT count(*) FROM read_parquet('{File("transactions")}')"));
        Assert.Equal(summary.Inputs, Scalar(duck, $"SELECT count(*) FROM read_parquet('{File("inputs")}')"));
        Assert.Equal(summary.Outputs, Scalar(duck, $"SELECT count(*) FROM read_parquet('{File("outputs")}')"));
        Assert.Equal(summary.Clusters, Scalar(duck, $"SELECT count(*) FROM read_parquet('{File("clusters")}')"));
        Assert.Equal(summary.Addresses, Scalar(duck, $"SELECT CAST(sum(address_count) AS BIGINT) FROM read_parquet('{File("clusters")}')"));

        // Balances: unspent outputs per address, by DuckDB, against `cairn btc address` for every address.
        var balances = Rows(duck, $"""
            SELECT a.address, CAST(coalesce(sum(o.value) FILTER (WHERE o.spending_tx_id IS NULL), 0) AS BIGINT)
            FROM read_parquet('{File("addresses")}') a JOIN read_parquet('{File("outputs")}') o ON o.address_id = a.address_id
            GROUP BY a.address
            """);
        Assert.Equal(summary.Addresses, balances.Count);
        Assert.Contains(balances, row => (long)row[1] > 0);
        foreach (var row in balances)
            Assert.Equal(Chains.UtxoAddress("btc", (string)row[0], new PageRequest(0, 0)).BalanceSat, ((long)row[1]).ToString(CultureInfo.InvariantCulture));

        // 3-hop forward reachability from seeds with spent outputs: a recursive query in DuckDB against
        // a breadth-first walk over the application's transaction views (outputs and who spent them).
        var seeds = Rows(duck, $"""
            SELECT DISTINCT t.txid, t.tx_id FROM read_parquet('{File("transactions")}') t JOIN read_parquet('{File("outputs")}') o ON o.tx_id = t.tx_id
            WHERE o.spending_tx_id IS NOT NULL ORDER BY t.tx_id LIMIT 25
            """).Select(row => (string)row[0]).ToList();
        Assert.Equal(25, seeds.Count);
        var reachedSomething = false;
        foreach (var seed in seeds)
        {
            var expected = Reachable(seed, 3);
            var actual = Rows(duck, $"""
                WITH RECURSIVE reach(tx_id, hop) AS (
                    SELECT tx_id, 0 FROM read_parquet('{File("transactions")}') WHERE txid = '{seed}'
                    UNION
                    SELECT o.spending_tx_id, r.hop + 1 FROM reach r JOIN read_parquet('{File("outputs")}') o ON o.tx_id = r.tx_id
                    WHERE o.spending_tx_id IS NOT NULL AND r.hop < 3)
                SELECT DISTINCT t.txid FROM reach r JOIN read_parquet('{File("transactions")}') t ON t.tx_id = r.tx_id WHERE r.hop > 0
                """).Select(row => (string)row[0]).ToHashSet();
            Assert.True(expected.SetEquals(actual), $"seed {seed}: Cairn reaches {expected.Count} transactions, DuckDB {actual.Count}");
            reachedSomething |= expected.Count > 1;
        }
        Assert.True(reachedSomething, "no seed reached past its first hop: the reachability comparison proved nothing");
    }

    [Fact]
    public async Task Export_WithoutAnIndex_FailsWithOneLineAndWritesNothing()
    {
        var output = Path.Combine(_root, "export");

        var error = await Assert.ThrowsAsync<NotFoundException>(() => Chains.ExportParquetAsync("btc", output));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("cairn btc ingest", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    [Fact]
    public async Task Export_IntoAPathThatIsAFile_FailsWithOneLineAndLeavesNoPartialFile()
    {
        var blocks = Path.Combine(_root, "blocks");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 200, Seed = 3, OutputDirectory = blocks });
        await Chains.IngestUtxoAsync("btc", new BitcoinIngestRequest(blocks, null, Network: "regtest"));
        var file = Path.Combine(_root, "not-a-directory");
        await System.IO.File.WriteAllTextAsync(file, "x");

        var asFile = await Assert.ThrowsAsync<CairnException>(() => Chains.ExportParquetAsync("btc", file));
        var under = await Assert.ThrowsAsync<CairnException>(() => Chains.ExportParquetAsync("btc", Path.Combine(file, "sub")));

        Assert.Contains("not a directory", asFile.Message, StringComparison.Ordinal);
        Assert.Contains("cannot write to", under.Message, StringComparison.Ordinal);
        Assert.All(new[] { asFile.Message, under.Message }, message => Assert.DoesNotContain('\n', message));
        Assert.Equal("x", await System.IO.File.ReadAllTextAsync(file));
        Assert.Empty(Directory.EnumerateFiles(_root, "*.parquet*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Export_OfAnAccountChain_IsRefusedWithOneLine()
    {
        var error = await Assert.ThrowsAsync<CairnException>(() => Chains.ExportParquetAsync("eth", Path.Combine(_root, "export")));

        Assert.Contains("not supported yet", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "export")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // The database is IAsyncDisposable only (it may close pooled connections asynchronously): dispose the provider the same way.
    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Transactions reached from <paramref name="txid"/> in 1 to <paramref name="hops"/> spends, walking the application's transaction views.</summary>
    private HashSet<string> Reachable(string txid, int hops)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string> { txid };
        for (var hop = 0; hop < hops; hop++)
        {
            var next = new List<string>();
            foreach (var tx in frontier)
                foreach (var spender in Chains.UtxoTransaction("btc", tx).Outputs.Select(o => o.SpentBy).OfType<string>())
                    if (reached.Add(spender)) next.Add(spender);
            frontier = next;
        }
        return reached;
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<object[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
