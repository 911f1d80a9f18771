using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Intel;

public sealed class IntelCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cairn-intel-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(["--data", _data, .. args]);

    [Fact]
    public void ImportThenScreen_ReportsTagAndSanctionHitsAndMalformedAddresses()
    {
        Assert.Equal(0, Run("intel", "import", "tagpack", SharedData.TagPack("demo.yaml")).ExitCode);
        Assert.Equal(0, Run("intel", "import", "actorpack", SharedData.ActorPack).ExitCode);
        var ofac = Run("intel", "import", "ofac", SharedData.OfacLists, SharedData.SdnCsv, "--list-date", "2024-09-27");
        Assert.Equal(0, ofac.ExitCode);

        var screen = Run("screen", "--json", "1Archive1n2C579dMsAu3iC6tWzuQJz8dN", "149w62rY42aZBox8fGcmqNsXUzSStKeq8C", "149w62rY42aZBox8fGcmqNsXUzSStKeq8D");

        Assert.Equal(0, screen.ExitCode);
        var results = JsonDocument.Parse(screen.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["hit", "hit", "malformed"], results.Select(r => r.GetProperty("status").GetString()));
        var archive = results[0].GetProperty("hits")[0];
        Assert.Equal("Internet Archive", archive.GetProperty("label").GetString());
        Assert.Equal("US", archive.GetProperty("jurisdictions")[0].GetString());
        var sanction = results[1].GetProperty("hits")[0].GetProperty("sanction");
        Assert.Equal("KHORASHADIZADEH, Ali", sanction.GetProperty("entry_name").GetString());
        Assert.Equal("2024-09-27", sanction.GetProperty("list_date").GetString());
    }

    [Fact]
    public void ImportTwice_SecondTimeIsUnchanged()
    {
        var pack = SharedData.TagPack("tornado_cash.yaml");
        Run("intel", "import", "tagpack", pack);

        var again = Run("--json", "intel", "import", "tagpack", pack);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("unchanged", JsonDocument.Parse(again.Output).RootElement[0].GetProperty("change").GetString());
    }

    [Fact]
    public void ImportStrict_FileWithIssues_IsRefusedWithExitCode1()
    {
        var result = Run("intel", "import", "tagpack", "--strict", SharedData.TagPack("plustoken.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Contains("plustoken.yaml:11:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TagAdd_ThenExportPublicOnly_LeavesThePrivateTagOut()
    {
        Assert.Equal(0, Run("intel", "tag", "add", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "--currency", "BTC", "--label", "suspect", "--source", "case 1", "--abuse", "ransomware").ExitCode);
        Run("intel", "import", "tagpack", SharedData.TagPack("demo.yaml"));

        var all = Run("intel", "export", "--format", "tagpack");
        var publicOnly = Run("intel", "export", "--format", "tagpack", "--filter", "public=true");

        Assert.Contains("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", all.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", publicOnly.Output, StringComparison.Ordinal);
        Assert.Contains("1Archive1n2C579dMsAu3iC6tWzuQJz8dN", publicOnly.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TagAdd_MalformedAddress_IsAOneLineUserError()
    {
        var result = Run("intel", "tag", "add", "1Archive1n2C579dMsAu3iC6tWzuQJz8dX", "--currency", "BTC", "--label", "x", "--source", "y");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: malformed BTC address", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_Unknown_IsNotFound()
    {
        var result = Run("intel", "actor", "no-such-actor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown actor", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportFtm_WritesCryptoWalletEntities()
    {
        Run("intel", "import", "tagpack", SharedData.TagPack("demo.yaml"));

        var result = Run("intel", "export", "--format", "ftm", "--filter", "currency=BTC");

        Assert.Equal(0, result.ExitCode);
        var entity = JsonDocument.Parse(result.Output.Trim()).RootElement;
        Assert.Equal("CryptoWallet", entity.GetProperty("schema").GetString());
        Assert.Equal("1Archive1n2C579dMsAu3iC6tWzuQJz8dN", entity.GetProperty("properties").GetProperty("publicKey")[0].GetString());
    }

    [Fact]
    public void Screen_FileWithChainEth_ReportsNonEvmAsMalformed()
    {
        var file = Path.Combine(Path.GetTempPath(), "cairn-screen-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "# suspects\n0x19aa5fe80d33a56d56c78e82ea5e50e5d80b4dff\n1Archive1n2C579dMsAu3iC6tWzuQJz8dN\n");
        try
        {
            var result = Run("screen", "--json", "--file", file, "--chain", "eth");
            var statuses = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetString());
            Assert.Equal(["no_hit", "malformed"], statuses);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
