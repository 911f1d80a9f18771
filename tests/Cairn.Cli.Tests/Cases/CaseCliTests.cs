using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Cases;

public class CaseCliTests
{
    private static readonly string OfacXbt = SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_XBT.txt");

    [Fact]
    public void CaseCreateListShow_WithJson_ReturnsTheCase_AndAnotherAgencyCannotSeeIt()
    {
        using var data = new TempDataDirectory();
        var created = data.Run("case", "create", "--reference", "NCA-1", "--title", "Ransomware", "--offence", "extortion", "--as", "alice", "--agency", "nca-uk", "--json");
        Assert.Equal(0, created.ExitCode);
        Assert.Equal("nca-uk", JsonDocument.Parse(created.Output).RootElement.GetProperty("owning_agency").GetString());

        var list = data.Run("case", "list", "--as", "alice", "--agency", "nca-uk", "--json");
        Assert.Equal("NCA-1", JsonDocument.Parse(list.Output).RootElement[0].GetProperty("reference").GetString());
        var show = data.Run("case", "show", "NCA-1", "--as", "alice", "--agency", "nca-uk");
        Assert.Contains("Ransomware", show.Output, StringComparison.Ordinal);

        var hidden = data.Run("case", "show", "NCA-1", "--as", "bruno", "--agency", "bka-de");
        Assert.Equal(1, hidden.ExitCode);
        Assert.StartsWith("error: unknown case 'NCA-1'", hidden.Error, StringComparison.Ordinal);
        Assert.Equal(1, data.Run("case", "create", "--reference", "NCA-1", "--title", "again", "--offence", "fraud").ExitCode);
    }

    [Fact]
    public void LedgerAdd_BreakingAnInvariantOrMalformed_FailsWithOneLine_AndWritesNothing()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "theft");
        string[] freeze = ["ledger", "add", "--case", "C-1", "--event", "freeze", "--chain", "btc", "--token", "BTC", "--location", "exchange-a",
            "--amount", "250000000", "--legal-basis", "Budapest Convention Art. 29", "--authority", "Prosecutor", "--jurisdiction", "mt"];
        var frozen = data.Run([.. freeze, "--json"]);
        Assert.Equal(0, frozen.ExitCode);
        var json = JsonDocument.Parse(frozen.Output).RootElement;
        Assert.Equal(("250000000", "2.5"), (json.GetProperty("amount_base_units").GetString(), json.GetProperty("amount").GetString()));

        var tooMuch = data.Run([.. freeze[..5], "seize", .. freeze[6..13], "250000001", .. freeze[14..]]);
        Assert.Equal(1, tooMuch.ExitCode);
        Assert.Contains("only 2.5 BTC (250000000 base units) is frozen", tooMuch.Error, StringComparison.Ordinal);
        Assert.Equal(1, data.Run([.. freeze[..13], "2.5", .. freeze[14..]]).ExitCode);
        Assert.Equal(1, data.Run([.. freeze[..3], "NO-CASE", .. freeze[4..]]).ExitCode);

        var show = JsonDocument.Parse(data.Run("ledger", "show", "--case", "C-1", "--json").Output).RootElement;
        Assert.Equal(1, show.GetProperty("events").GetArrayLength());
        Assert.Equal("250000000", show.GetProperty("balances")[0].GetProperty("frozen_base_units").GetString());
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }

    [Fact]
    public void LedgerAdd_InUnitsBackDated_KeepsTheDate_AndTheDashboardShowsTheFunnel()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "theft");
        string[] common = ["--case", "C-1", "--chain", "eth", "--token", "ACME", "--location", "exchange-a", "--legal-basis", "Budapest Convention Art. 29",
            "--authority", "Prosecutor", "--jurisdiction", "mt"];
        var noDecimals = data.Run(["ledger", "add", "--event", "freeze", "--amount-units", "2.5", .. common]);
        Assert.Equal(1, noDecimals.ExitCode);
        Assert.Contains("decimals of ACME", noDecimals.Error, StringComparison.Ordinal);
        var future = data.Run(["ledger", "add", "--event", "freeze", "--amount-units", "2.5", "--decimals", "6", "--occurred", "2999-01-01", .. common]);
        Assert.Equal(1, future.ExitCode);
        Assert.Contains("--occurred", future.Error, StringComparison.Ordinal);

        var frozen = data.Run(["ledger", "add", "--event", "freeze", "--amount-units", "2.5", "--decimals", "6", "--occurred", "2026-02-03", "--json", .. common]);
        Assert.Equal(0, frozen.ExitCode);
        var json = JsonDocument.Parse(frozen.Output).RootElement;
        Assert.Equal(("2500000", "2.5"), (json.GetProperty("amount_base_units").GetString(), json.GetProperty("amount").GetString()));
        Assert.StartsWith("2026-02-03T00:00:00", json.GetProperty("occurred_at").GetString(), StringComparison.Ordinal);

        var board = JsonDocument.Parse(data.Run("case", "dashboard", "--case", "C-1", "--json").Output).RootElement;
        var malta = board.GetProperty("jurisdictions")[0];
        Assert.Equal("MT", malta.GetProperty("state").GetString());
        Assert.Equal("2500000", malta.GetProperty("recovery")[0].GetProperty("frozen").GetString());
        Assert.Equal("ledger_event", board.GetProperty("latest_activity")[0].GetProperty("kind").GetString());

        // In fiat where a rate table gives the day's rate, "no rate" for a step whose day has none.
        var rates = System.IO.Path.Combine(data.Path, "acme-eur.csv");
        File.WriteAllText(rates, "date,rate\n2026-02-03,2\n");
        Assert.Equal(0, data.Run("rates", "import", "--asset", "ACME", "--currency", "EUR", "--source", "test rates", rates).ExitCode);
        Assert.Equal(0, data.Run(["ledger", "add", "--event", "seize", "--amount-units", "1", "--decimals", "6", "--occurred", "2026-03-30", .. common]).ExitCode);
        var valued = data.Run("case", "dashboard", "--case", "C-1", "--fiat", "eur");
        Assert.Equal(0, valued.ExitCode);
        Assert.Contains("(5.00 EUR)", valued.Output, StringComparison.Ordinal);
        Assert.Contains("(no rate)", valued.Output, StringComparison.Ordinal);
        var wrong = data.Run("case", "dashboard", "--case", "C-1", "--fiat", "XYZ");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("--fiat 'XYZ' is not one of", wrong.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("currency", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceExportThenVerify_Works_WithNoDatabase_AndDetectsATamperedPackage()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "sanctions_evasion");
        Assert.Equal(0, data.Run("evidence", "add", "--case", "C-1", OfacXbt, "--source", "OFAC SDN list (XBT)").ExitCode);
        var package = System.IO.Path.Combine(data.Path, "package.zip");
        Assert.Equal(0, data.Run("evidence", "export", "--case", "C-1", "--out", package).ExitCode);

        using var elsewhere = new TempDataDirectory();
        var verified = elsewhere.Run("evidence", "verify", package, "--json");
        Assert.Equal(0, verified.ExitCode);
        Assert.True(JsonDocument.Parse(verified.Output).RootElement.GetProperty("valid").GetBoolean());
        Assert.False(File.Exists(System.IO.Path.Combine(elsewhere.Path, "cairn.db")));
        Assert.False(JsonDocument.Parse(verified.Output).RootElement.GetProperty("key_pinned").GetBoolean());
        Assert.Contains("package intact, key not pinned", elsewhere.Run("evidence", "verify", package).Output, StringComparison.Ordinal);
        var keyFile = System.IO.Path.Combine(elsewhere.Path, "custody-key.pem");
        File.WriteAllText(keyFile, JsonDocument.Parse(data.Run("log", "public-key", "--json").Output).RootElement.GetProperty("public_key_pem").GetString());
        Assert.Contains("package VALID", elsewhere.Run("evidence", "verify", package, "--key", keyFile).Output, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(package);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(package, bytes);
        var tampered = elsewhere.Run("evidence", "verify", package);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("INVALID", tampered.Output, StringComparison.Ordinal);
    }
}
