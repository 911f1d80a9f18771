using Cairn.Core;
using Cairn.Exchange.GoAml;
using Cairn.Exchange.Tests.Envelopes;
using static Cairn.Exchange.Tests.Documents.GoAmlTestData;

namespace Cairn.Exchange.Tests.Documents;

public class GoAmlWriterTests
{
    private static readonly GoAmlReportRequest Uae = Request(Profile("fiu-uae-5.0.2.json"));

    [Fact]
    public void Report_HasTheHeaderInSchemaOrder_ThenTransactions_Parties_Indicators()
    {
        var report = GoAmlWriter.Write(Sample, Uae, TestNodes.Now).Root!;

        Assert.Equal("report", report.Name.LocalName);
        Assert.Equal(
            ["rentity_id", "rentity_branch", "submission_code", "report_code", "entity_reference", "submission_date", "currency_code_local", "reporting_person", "location", "reason", "action", "transaction", "transaction", "activity", "report_indicators"],
            report.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("FIOD-2025-17", report.Element("entity_reference")!.Value);
        Assert.Equal("2025-03-14T09:30:00", report.Element("submission_date")!.Value);
        Assert.Equal(("Head office", "AED", "Dubai"), (report.Element("rentity_branch")!.Value, report.Element("currency_code_local")!.Value, report.Element("location")!.Element("city")!.Value));
    }

    [Fact]
    public void Transaction_CarriesTheAmount_ItsLocalValue_AndBothAddressesAsAccountsOfTheConfiguredInstitution()
    {
        var transaction = GoAmlWriter.Write(Sample, Uae, TestNodes.Now).Root!.Element("transaction")!;
        var from = transaction.Element("t_from")!;

        Assert.Equal("0.04", from.Element("from_foreign_currency")!.Element("foreign_amount")!.Value);
        Assert.Equal(("XBT", "245000.50"), (from.Element("from_foreign_currency")!.Element("foreign_currency_code")!.Value, from.Element("from_foreign_currency")!.Element("foreign_exchange_rate")!.Value));
        Assert.Equal("9800.02", transaction.Element("amount_local")!.Value); // 0.04 × 245000.50
        Assert.Equal(("DAWLT", "CRPTC"), (transaction.Element("transmode_code")!.Value, from.Element("from_funds_code")!.Value));
        Assert.Contains("4000000 base units", transaction.Element("transaction_description")!.Value, StringComparison.Ordinal);
        Assert.Equal(("BTC", "CRYWT", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
            (from.Element("from_account")!.Element("institution_code")!.Value, from.Element("from_account")!.Element("account_type")!.Value, from.Element("from_account")!.Element("account")!.Value));
        Assert.Equal("12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", transaction.Element("t_to")!.Element("to_account")!.Element("account")!.Value);
    }

    [Fact]
    public void Transaction_WithoutACurrencyCodeForItsAsset_HasNoForeignCurrency_AndKeepsTheAnalystsLocalAmount()
    {
        var transaction = GoAmlWriter.Write(Sample, Uae, TestNodes.Now).Root!.Elements("transaction").Last();

        Assert.Null(transaction.Element("t_from")!.Element("from_foreign_currency"));
        Assert.Equal("15000.00", transaction.Element("amount_local")!.Value);
        Assert.Contains("1.234567890123456789 ETH", transaction.Element("transaction_description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Parties_AreThePersons_Organisations_AndWalletsOfTheCase()
    {
        var parties = GoAmlWriter.Write(Sample, Uae, TestNodes.Now).Root!.Element("activity")!.Element("report_parties")!.Elements("report_party").ToList();

        Assert.Equal(4, parties.Count);
        Assert.Equal(("Jan", "de Vries"), (parties[0].Element("person")!.Element("first_name")!.Value, parties[0].Element("person")!.Element("last_name")!.Value));
        Assert.Equal("Example Exchange B.V.", parties[1].Element("entity")!.Element("name")!.Value);
        Assert.Equal("12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", parties[2].Element("account")!.Element("account")!.Value);
    }

    [Fact]
    public void CommandLineSettings_OverrideTheFiuFile()
    {
        var profile = new GoAmlOptions { ReportCode = "SAR", RentityBranch = "Branch 7", Rates = ["btc=100"], Swifts = ["btc=ABCDAEAD"] }.ApplyTo(Uae.Profile);
        var report = GoAmlWriter.Write(Sample, Uae with { Profile = profile }, TestNodes.Now).Root!;

        Assert.Equal(("SAR", "Branch 7"), (report.Element("report_code")!.Value, report.Element("rentity_branch")!.Value));
        Assert.Equal("4", report.Element("transaction")!.Element("amount_local")!.Value);
        Assert.Equal("ABCDAEAD", report.Element("transaction")!.Element("t_from")!.Element("from_account")!.Element("swift")!.Value);
    }

    [Fact]
    public void AReportWithoutIndicators_IsRefused()
    {
        var none = Uae with { Profile = Uae.Profile with { Indicators = [] } };
        var error = Assert.Throws<ValidationException>(() => GoAmlWriter.Write(Sample, none, TestNodes.Now));
        Assert.Equal("indicators", error.Field);
        Assert.Contains("indicator code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnFiuFile_EveryMissingSettingIsNamed()
    {
        var error = Assert.Throws<ValidationException>(() => GoAmlWriter.Write(Sample, Uae with { Profile = new GoAmlProfile() }, TestNodes.Now));
        var message = error.Message;
        Assert.Equal("rentity_branch", error.Field);
        Assert.DoesNotContain("--", message, StringComparison.Ordinal);

        foreach (var setting in new[] { "rentity_branch", "submission_code", "report_code", "currency_code_local", "location", "transmode_code", "funds_code", "institutions.btc", "institutions.eth" })
            Assert.Contains(setting, message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATransferWithNeitherLocalAmountNorRate_IsRefused()
    {
        var noRate = Uae with { Profile = Uae.Profile with { Rates = new Dictionary<string, decimal>() } };
        var error = Assert.Throws<ValidationException>(() => GoAmlWriter.Write(Sample, noRate, TestNodes.Now));
        Assert.Equal("rates", error.Field);
        Assert.StartsWith("rates: no BTC=LOCAL_PER_UNIT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"report_code\": 5}", "$.report_code")]
    [InlineData("{\"repot_code\": \"STR\"}", "repot_code")]
    [InlineData("{\"location\": {\"city\": \"Dubai\"}}", "location")]
    public void AMalformedFiuFile_IsNamedWithThePlace(string json, string place)
    {
        var message = Assert.Throws<CairnException>(() => GoAmlProfile.Parse(json, "fiu.json")).Message;
        Assert.Contains("fiu.json", message, StringComparison.Ordinal);
        Assert.Contains(place, message, StringComparison.Ordinal);
    }
}
