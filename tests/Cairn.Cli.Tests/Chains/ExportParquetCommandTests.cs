using System.Text.Json;
using Cairn.Cli.Tests.Cases;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Chains;

/// <summary>`cairn &lt;chain&gt; export-parquet` from the command line: written for a UTXO chain, refused in one line with exit 1 otherwise, nothing half-written.</summary>
public sealed class ExportParquetCommandTests : IDisposable
{
    private static readonly string[] Files = ["addresses.parquet", "clusters.parquet", "inputs.parquet", "outputs.parquet", "transactions.parquet"];
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void LitecoinIndex_ExportsFiveParquetFiles_WithTheIndexRowCounts()
    {
        var blocks = Directory.CreateDirectory(Path.Combine(_data.Path, "ltc-blocks")).FullName;
        File.Copy(SharedData.ChainData("ltc", "mainnet-blk-0-to-4.dat"), Path.Combine(blocks, "blk00000.dat"));
        Assert.Equal(0, _data.Run("ltc", "ingest", "--blocks", blocks).ExitCode);
        var output = Path.Combine(_data.Path, "ltc-parquet");

        var result = _data.Run("ltc", "export-parquet", "--out", output, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Files, Directory.GetFiles(output).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        Assert.All(Directory.GetFiles(output), f => Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(f)[..4]));
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(5, json.RootElement.GetProperty("transactions").GetInt64());
    }

    [Fact]
    public void NoIndex_FailsWithOneLine_ExitOne_AndNoFiles()
    {
        var output = Path.Combine(_data.Path, "out");

        var result = _data.Run("doge", "export-parquet", "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("cairn doge ingest", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AccountChain_IsRefusedWithOneLine_ExitOne()
    {
        var result = _data.Run("eth", "export-parquet", "--out", Path.Combine(_data.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("not supported yet", result.Error, StringComparison.Ordinal);
    }
}
