using System.Text.Json;
using Cairn.Cli.Tests.Legal;

namespace Cairn.Cli.Tests.Cases;

/// <summary>`cairn case victim add|loss|list` and a return pointing to a victim (docs/ledger.md, "Victims").</summary>
public sealed class VictimCliTests
{
    private const string Agency = "aro-mt";
    private const string Payment = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    [Fact]
    public void Victim_LossAndApprovedReturn_ShowLostReceivedAndStillOwed_AndBadInputNamesTheOption()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, Run(data, "rita", "case", "create", "--reference", "C-1", "--title", "t", "--offence", "fraud").ExitCode);
        CliAccounts.Create(data, Agency, "MT", ("rita", "asset_recovery_officer"), ("pete", "prosecutor"));
        var added = Run(data, "rita", "case", "victim", "add", "C-1", "--name", "Anna K.", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        var victim = JsonDocument.Parse(added.Output).RootElement.GetProperty("id").GetString()!;

        var noTx = Run(data, "rita", "case", "victim", "loss", "C-1", victim, "--chain", "btc", "--token", "BTC", "--amount-units", "0.8");
        Assert.Equal(1, noTx.ExitCode);
        Assert.Single(noTx.Error.Trim().Split('\n'));
        Assert.Contains("--tx", noTx.Error, StringComparison.Ordinal);
        Assert.Equal(0, Run(data, "rita", "case", "victim", "loss", "C-1", victim, "--chain", "btc", "--token", "BTC", "--amount-units", "0.8", "--tx", Payment).ExitCode);

        foreach (var kind in new[] { "freeze", "seize", "confiscate" }) Assert.Equal(0, Add(data, kind, "1").ExitCode);
        var over = Add(data, "return-to-victim", "0.9", "--victim", victim);
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("would exceed the loss", over.Error, StringComparison.Ordinal);
        var returned = JsonDocument.Parse(Add(data, "return-to-victim", "0.3", "--victim", victim).Output).RootElement;
        Assert.Equal("Anna K.", returned.GetProperty("recipient").GetString());
        Assert.Equal(0, Run(data, "pete", "ledger", "approve", returned.GetProperty("id").GetString()!, "--case", "C-1").ExitCode);

        var list = JsonDocument.Parse(Run(data, "rita", "case", "victim", "list", "C-1", "--json").Output).RootElement;
        var line = list[0].GetProperty("lines")[0];
        Assert.Equal(("80000000", "30000000", "50000000"), (line.GetProperty("lost").GetString(), line.GetProperty("received").GetString(), line.GetProperty("outstanding").GetString()));
        Assert.Equal(Payment, list[0].GetProperty("victim").GetProperty("losses")[0].GetProperty("transaction_ids")[0].GetString());
        var table = Run(data, "rita", "case", "victim", "list", "C-1");
        Assert.Contains("0.5 BTC (50000000 base units)", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }

    private static CliRunner.Result Add(TempDataDirectory data, string kind, string units, params string[] more) =>
        Run(data, "rita", ["ledger", "add", "--case", "C-1", "--event", kind, "--chain", "btc", "--token", "BTC", "--location", "exchange-a", "--amount-units", units,
            "--legal-basis", "Regulation (EU) 2018/1805 Art 30", "--authority", "Court of Magistrates", "--jurisdiction", "mt", "--json", .. more]);

    private static CliRunner.Result Run(TempDataDirectory data, string user, params string[] args) => data.Run([.. args, "--as", user, "--agency", Agency]);
}
