using System.Globalization;
using System.Text.Json;
using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Legal;

/// <summary>
/// Fiat values on the ledger (`cairn ledger show --fiat`) and on drafted requests (the estimated value), from a
/// rate table imported with `cairn rates import`: a value with its rate, the rate's date and source where the table
/// covers the asset and the date; "no rate" where it does not (another asset, a date too far past the table).
/// The rates below are made up for the test; they are not prices anyone published.
/// </summary>
public sealed class FiatValueCliTests : IDisposable
{
    private const string Source = "Test rates (made up for this test)";
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void LedgerShow_WithFiat_ValuesEachEventAtItsDate_WithTheRateDateAndSource_AndSaysNoRateOtherwise()
    {
        var rates = Path.Combine(_data.Path, "eth-eur.csv");
        File.WriteAllText(rates, "date,rate\n2026-03-01,2000.50\n2026-03-02,2100.25\n");
        Assert.Equal(0, _data.Run("rates", "import", "--asset", "ETH", "--currency", "EUR", "--source", Source, rates).ExitCode);
        Assert.Equal(0, _data.Run("case", "create", "--reference", "C-F", "--title", "Frozen ether", "--offence", "fraud").ExitCode);
        string[] common = ["--case", "C-F", "--location", "exchange-a", "--legal-basis", "Regulation (EU) 2018/1805 Art. 7", "--authority", "Tribunal judiciaire de Paris", "--jurisdiction", "FR"];
        Ok(_data.Run(["ledger", "add", "--event", "freeze", "--chain", "eth", "--token", "ETH", "--amount-units", "1.5", "--occurred", "2026-03-02", .. common]));
        Ok(_data.Run(["ledger", "add", "--event", "freeze", "--chain", "btc", "--token", "BTC", "--amount-units", "0.1", "--occurred", "2026-03-02", .. common]));
        // Six days after the table's last date: its last rate still counts (rates are not published every day).
        Ok(_data.Run(["ledger", "add", "--event", "seize", "--chain", "eth", "--token", "ETH", "--amount-units", "0.5", "--occurred", "2026-03-08", .. common]));
        // Three weeks later: too far, no rate.
        Ok(_data.Run(["ledger", "add", "--event", "seize", "--chain", "eth", "--token", "ETH", "--amount-units", "1", "--occurred", "2026-03-23", .. common]));

        var json = JsonDocument.Parse(Ok(_data.Run("--json", "ledger", "show", "--case", "C-F", "--fiat", "eur"))).RootElement;
        var fiat = json.GetProperty("fiat");
        Assert.Equal("EUR", fiat.GetProperty("currency").GetString());
        var values = fiat.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([1L, 2L, 3L, 4L], values.Select(v => v.GetProperty("sequence").GetInt64()));
        // 1.5 × 2100.25 = 3150.375, rounded half away from zero.
        var frozen = values[0].GetProperty("value");
        Assert.Equal(("3150.38", "2100.25", "2026-03-02", "daily_rate"),
            (frozen.GetProperty("value").GetString(), frozen.GetProperty("rate").GetString(), frozen.GetProperty("rate_date").GetString(), frozen.GetProperty("basis").GetString()));
        Assert.StartsWith(Source, frozen.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, values[0].GetProperty("no_rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, values[1].GetProperty("value").ValueKind);
        Assert.Equal("no rate for BTC in EUR on 2026-03-02 or the 7 days before", values[1].GetProperty("no_rate").GetString());
        var stale = values[2].GetProperty("value");
        Assert.Equal(("1050.13", "2026-03-02", "last_rate_before", "2026-03-08"),
            (stale.GetProperty("value").GetString(), stale.GetProperty("rate_date").GetString(), stale.GetProperty("basis").GetString(), values[2].GetProperty("date").GetString()));
        Assert.Equal("no rate for ETH in EUR on 2026-03-23 or the 7 days before", values[3].GetProperty("no_rate").GetString());

        var words = Ok(_data.Run("ledger", "show", "--case", "C-F", "--fiat", "EUR"));
        Assert.Contains("3150.38 EUR", words, StringComparison.Ordinal);
        Assert.Contains("no rate for BTC", words, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Ok(_data.Run("--json", "ledger", "show", "--case", "C-F"))).RootElement.GetProperty("fiat").ValueKind);

        var bad = _data.Run("ledger", "show", "--case", "C-F", "--fiat", "XYZ");
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(bad.Error.Trim().Split('\n'));
        Assert.Contains("--fiat 'XYZ' is not one of", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestDraft_StatesTheEstimatedValueInTheExecutingStatesCurrency_WithItsRate_OrNoRate()
    {
        // The draft is valued at the drafting date (today): the table ends yesterday, so its last rate before today applies.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rates = Path.Combine(_data.Path, "btc-eur.csv");
        File.WriteAllText(rates, $"date,rate\n{yesterday},50000\n");
        Assert.Equal(0, _data.Run("rates", "import", "--asset", "BTC", "--currency", "EUR", "--source", Source, rates).ExitCode);

        var btc = Estimate("DE", "BTC", "5000000000", 8, "btc");
        Assert.True(btc.StartsWith("Estimated value in EUR, the currency of DE at the drafting date ", StringComparison.Ordinal), btc);
        Assert.True(btc.Contains($"50 BTC ≈ 2500000.00 EUR (rate 50000 EUR of {yesterday}, the last rate before that day; source: {Source}", StringComparison.Ordinal), btc);

        // Ether has no table, and Poland values in złoty: said, not guessed.
        var eth = Estimate("PL", "ETH", "2000000000000000000", 18, "eth");
        Assert.Contains("in PLN, the currency of PL", eth, StringComparison.Ordinal);
        Assert.Contains("2 ETH: no rate for ETH in PLN on ", eth, StringComparison.Ordinal);
        Assert.EndsWith("so no value is estimated.", eth, StringComparison.Ordinal);
    }

    /// <summary>Drafts a freezing request to <paramref name="state"/> and returns its estimated_value content, read back from the rendered JSON.</summary>
    private string Estimate(string state, string asset, string baseUnits, int decimals, string name)
    {
        var findings = Path.Combine(_data.Path, $"findings-{name}.json");
        File.WriteAllText(findings, $$"""
            [{"jurisdiction": "{{state}}", "actor_name": "Example Exchange", "addresses": ["addr-{{name}}"], "transaction_ids": ["tx-{{name}}"],
              "amounts": [{"asset": "{{asset}}", "base_units": "{{baseUnits}}", "decimals": {{decimals}}}]}]
            """);
        var drafted = JsonDocument.Parse(Ok(_data.Run("request", "draft", "--from", "FR", "--findings", findings, "--measure", "freeze", "--case", "C-" + name, "--json",
            "--as", "alice", "--agency", "pnf-fr"))).RootElement;
        var id = drafted.GetProperty("drafts")[0].GetProperty("id").GetString()!;
        var rendered = Path.Combine(_data.Path, id + ".json");
        Ok(_data.Run("request", "render", id, "--format", "json", "--out", rendered, "--as", "alice", "--agency", "pnf-fr"));
        return JsonDocument.Parse(File.ReadAllText(rendered)).RootElement.GetProperty("contents").GetProperty("estimated_value").GetString()!;
    }

    private static string Ok(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }
}
