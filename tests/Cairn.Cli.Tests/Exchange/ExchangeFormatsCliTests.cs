using System.Text.Json;
using System.Xml.Linq;
using Cairn.Cli.Tests.Cases;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Exchange;

public class ExchangeFormatsCliTests
{
    private static string ExchangeData(params string[] parts) => Path.Combine([SharedData.RepositoryRoot, "tests", "Cairn.Exchange.Tests", "TestData", .. parts]);

    [Fact]
    public void ImportIvms101_ANonIvms101File_FailsWithOneLine_AndImportsNothing()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "fraud");

        var refused = data.Run("exchange", "import-ivms101", "--case", "C-1", "--file", ExchangeData("ivms101", "trisa", "ivms101__person_natural_person.json"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Single(refused.Error.TrimEnd().Split('\n'));
        Assert.Contains("not a valid IVMS101 identity payload", refused.Error, StringComparison.Ordinal);
        var shown = JsonDocument.Parse(data.Run("case", "show", "C-1", "--json").Output).RootElement;
        Assert.Equal(0, shown.GetProperty("subjects").GetArrayLength());
        Assert.Equal(0, shown.GetProperty("wallets").GetArrayLength());
    }

    [Fact]
    public void ImportIvms101_CodesXrpPayload_StoresXrpWalletsWithTheTagApart()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "fraud");

        Assert.Equal(0, data.Run("exchange", "import-ivms101", "--case", "C-1", "--file", ExchangeData("ivms101", "code", "complete-example.json")).ExitCode);

        var wallets = JsonDocument.Parse(data.Run("case", "show", "C-1", "--json").Output).RootElement.GetProperty("wallets").EnumerateArray().ToList();
        Assert.Equal(2, wallets.Count);
        Assert.All(wallets, w => Assert.Equal("xrp", w.GetProperty("chain").GetString()));
        Assert.Contains(wallets, w => w.GetProperty("address").GetString() == "rJChk8e71gxVhyJSr1srzZxWhVisWMMYKZ");
    }

    [Fact]
    public void Goaml_TakesEveryFiuCodeFromTheFiuFileAndOptions()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "Ransom", "--offence", "ransomware");
        var csv = Path.Combine(data.Path, "tx.csv");
        File.WriteAllText(csv, "txid,time,chain,from,to,amount_base_units,asset,decimals\n" +
            "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be,2025-03-11T09:30:00Z,btc,1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2,12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw,4000000,BTC,8\n");
        var report = Path.Combine(data.Path, "report.xml");

        var missing = data.Run("exchange", "goaml", "--case", "C-1", "--out", report, "--rentity-id", "17", "--reporter", "Anna Smit", "--transactions", csv);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("rentity_branch", missing.Error, StringComparison.Ordinal);

        // The application names the field (rates); the CLI shows the option that sets it.
        var badRate = data.Run("exchange", "goaml", "--case", "C-1", "--out", report, "--rentity-id", "17", "--reporter", "Anna Smit", "--transactions", csv,
            "--fiu-config", ExchangeData("goaml", "fiu-uae-5.0.2.json"), "--rate", "BTC=abc");
        Assert.Equal(1, badRate.ExitCode);
        Assert.Contains("--rate BTC=abc: the rate must be a positive decimal number", badRate.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));

        var written = data.Run("exchange", "goaml", "--case", "C-1", "--out", report, "--rentity-id", "17", "--reporter", "Anna Smit", "--transactions", csv,
            "--fiu-config", ExchangeData("goaml", "fiu-uae-5.0.2.json"), "--report-code", "SAR", "--branch", "Branch 9", "--rate", "BTC=1000", "--swift", "btc=ABCDAEADXXX");
        Assert.Equal(0, written.ExitCode);
        var root = XDocument.Load(report).Root!;
        Assert.Equal(("SAR", "Branch 9", "40"), (root.Element("report_code")!.Value, root.Element("rentity_branch")!.Value, root.Element("transaction")!.Element("amount_local")!.Value));
        Assert.Equal("ABCDAEADXXX", root.Element("transaction")!.Element("t_to")!.Element("to_account")!.Element("swift")!.Value);
    }
}
