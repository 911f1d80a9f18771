using System.Text.Json;

namespace Cairn.Cli.Tests.Cases;

/// <summary>Address hits between agencies on one installation from the CLI (docs/deconfliction.md): notices without case details, `notification contact`.</summary>
public sealed class DeconflictionCliTests
{
    private const string Address = "bc1qclideconfliction00000000000000000000000";
    private static readonly string[] Alice = ["--as", "alice", "--agency", "nca-uk"];
    private static readonly string[] Bruno = ["--as", "bruno", "--agency", "bka-de"];

    [Fact]
    public void SameAddressInAnotherAgencysCase_NotifiesBothWithoutCaseDetails_AndContactCanBeRequested()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, data.Run(["case", "create", "--reference", "UK-SECRET-1", "--title", "Operation Heron", "--offence", "fraud", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "wallet", "add", "UK-SECRET-1", "--chain", "btc", "--address", Address, "--label", "Heron collector", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "create", "--reference", "DE-SECRET-2", "--title", "Operation Falke", "--offence", "fraud", .. Bruno]).ExitCode);
        Assert.Equal(0, data.Run(["case", "wallet", "add", "DE-SECRET-2", "--chain", "btc", "--address", Address, .. Bruno]).ExitCode);

        var brunos = data.Run(["notification", "list", "--json", .. Bruno]);
        Assert.DoesNotContain("UK-SECRET-1", brunos.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Heron", brunos.Output, StringComparison.Ordinal);
        var hit = JsonDocument.Parse(brunos.Output).RootElement.EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "address_hit");
        Assert.Equal($"btc {Address} nca-uk", hit.GetProperty("detail").GetString());
        var alices = data.Run(["notification", "list", "--json", .. Alice]).Output;
        Assert.Contains($"btc {Address} bka-de", alices, StringComparison.Ordinal);
        Assert.DoesNotContain("Falke", alices, StringComparison.Ordinal);

        var contact = data.Run(["notification", "contact", hit.GetProperty("id").GetString()!, .. Bruno]);
        Assert.True(contact.ExitCode == 0, contact.Error);
        Assert.Equal("asked nca-uk to make contact", contact.Output.Trim());
        Assert.Contains($"btc {Address} bka-de bruno", data.Run(["notification", "list", "--json", .. Alice]).Output, StringComparison.Ordinal);
        var notMine = data.Run(["notification", "contact", hit.GetProperty("id").GetString()!, .. Alice]);
        Assert.Equal(1, notMine.ExitCode);
        Assert.Single(notMine.Error.Trim().Split('\n'));
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }
}
