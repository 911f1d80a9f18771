using System.Text.Json;
using Cairn.Cli.Tests.Legal;

namespace Cairn.Cli.Tests.Cases;

/// <summary>`cairn ledger approve|reject`: four eyes on disposals (docs/ledger.md, "Approval of disposals").</summary>
public sealed class LedgerApprovalCliTests
{
    private const string Agency = "aro-mt";

    [Fact]
    public void Return_IsPending_TheRecorderCannotApprove_ASecondOfficerApproves_AndRejectNeedsAReason()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, Run(data, "rita", "case", "create", "--reference", "C-1", "--title", "t", "--offence", "theft").ExitCode);
        CliAccounts.Create(data, Agency, "MT", ("rita", "asset_recovery_officer"), ("pete", "prosecutor"), ("ines", "investigator"));
        foreach (var kind in new[] { "freeze", "seize", "confiscate" })
            Assert.Equal(0, Add(data, "rita", kind, "2").ExitCode);
        var proposed = Add(data, "rita", "return-to-victim", "1.5", "--recipient", "victim A");
        Assert.Equal(0, proposed.ExitCode);
        var id = JsonDocument.Parse(proposed.Output).RootElement.GetProperty("id").GetString()!;
        Assert.Equal("pending", JsonDocument.Parse(proposed.Output).RootElement.GetProperty("approval").GetString());
        Assert.Equal("0", Balance(data).GetProperty("returned_base_units").GetString());

        var own = Run(data, "rita", "ledger", "approve", id, "--case", "C-1");
        Assert.Equal(1, own.ExitCode);
        Assert.StartsWith("error: four eyes: rita recorded ledger event #4", own.Error.Trim(), StringComparison.Ordinal);
        var investigator = Run(data, "ines", "ledger", "approve", id, "--case", "C-1");
        Assert.Equal(1, investigator.ExitCode);
        Assert.Contains("needs the AssetRecoveryOfficer or Prosecutor role", investigator.Error, StringComparison.Ordinal);
        var noReason = Run(data, "pete", "ledger", "reject", id, "--case", "C-1");
        Assert.Equal(1, noReason.ExitCode);
        Assert.Single(noReason.Error.Trim().Split('\n'));
        Assert.Contains("reason", noReason.Error, StringComparison.Ordinal);

        var approved = Run(data, "pete", "ledger", "approve", id, "--case", "C-1");
        Assert.True(approved.ExitCode == 0, approved.Error);
        Assert.StartsWith("#4 return_to_victim approved by pete (Prosecutor)", approved.Output, StringComparison.Ordinal);
        Assert.Equal(("150000000", "50000000"), (Balance(data).GetProperty("returned_base_units").GetString(), Balance(data).GetProperty("confiscated_base_units").GetString()));

        var share = JsonDocument.Parse(Add(data, "pete", "share", "0.5", "--recipient", "DE").Output).RootElement.GetProperty("id").GetString()!;
        var rejected = Run(data, "rita", "ledger", "reject", share, "--case", "C-1", "--reason", "no sharing agreement yet", "--json");
        Assert.True(rejected.ExitCode == 0, rejected.Error);
        var decision = JsonDocument.Parse(rejected.Output).RootElement;
        Assert.Equal(("rejected", "no sharing agreement yet"), (decision.GetProperty("approval").GetString(), decision.GetProperty("decision").GetProperty("reason").GetString()));
        Assert.Equal("0", Balance(data).GetProperty("shared_base_units").GetString());
        Assert.Equal(1, Run(data, "pete", "ledger", "approve", share, "--case", "C-1").ExitCode);
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }

    private static JsonElement Balance(TempDataDirectory data) =>
        JsonDocument.Parse(Run(data, "rita", "ledger", "show", "--case", "C-1", "--json").Output).RootElement.GetProperty("balances")[0];

    private static CliRunner.Result Add(TempDataDirectory data, string user, string kind, string units, params string[] more) =>
        Run(data, user, ["ledger", "add", "--case", "C-1", "--event", kind, "--chain", "btc", "--token", "BTC", "--location", "exchange-a", "--amount-units", units,
            "--legal-basis", "Regulation (EU) 2018/1805 Art 30", "--authority", "Court of Magistrates", "--jurisdiction", "mt", "--json", .. more]);

    private static CliRunner.Result Run(TempDataDirectory data, string user, params string[] args) => data.Run([.. args, "--as", user, "--agency", Agency]);
}
