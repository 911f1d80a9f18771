using System.Xml.Linq;
using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Exchange.GoAml;
using Cairn.Exchange.Tests.Envelopes;

namespace Cairn.Exchange.Tests.Documents;

public class GoAmlWriterTests
{
    private static readonly Case Sample = new()
    {
        Id = "0195b1c2-0000-7000-8000-000000000001",
        Reference = "FIOD-2025-17",
        Title = "WannaCry ransom payments",
        OwningAgency = "fiu-nl",
        OffenceType = "ransomware",
        OpenedAt = TestNodes.Now,
        Subjects = [new CaseSubject(SubjectKind.Person, "Jan de Vries", "cash-out mule"), new CaseSubject(SubjectKind.Organisation, "Example Exchange B.V.", "VASP")],
        Wallets = [new CaseWallet("btc", "12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", WalletRole.Perpetrator, "ransom wallet")],
    };

    private static readonly GoAmlReportRequest Request = new()
    {
        ReportingEntityId = "1234",
        ReportingPersonFirstName = "Anna",
        ReportingPersonLastName = "Smit",
        Indicators = ["VA-RANSOM"],
        Transactions =
        [
            new GoAmlTransaction("a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be", TestNodes.Now.AddDays(-3), "btc",
                "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", "4000000", "BTC", 8),
        ],
    };

    [Fact]
    public void Report_HasTheHeaderInSchemaOrder_ThenTransactions_Parties_Indicators()
    {
        var report = GoAmlWriter.Write(Sample, Request, TestNodes.Now).Root!;

        Assert.Equal("report", report.Name.LocalName);
        Assert.Equal(
            ["rentity_id", "submission_code", "report_code", "entity_reference", "submission_date", "currency_code_local", "reporting_person", "reason", "action", "transaction", "activity", "report_indicators"],
            report.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("FIOD-2025-17", report.Element("entity_reference")!.Value);
        Assert.Equal("2025-03-14T09:30:00", report.Element("submission_date")!.Value);
    }

    [Fact]
    public void Transaction_CarriesTheExactAmount_AndBothAddressesAsAccounts()
    {
        var transaction = GoAmlWriter.Write(Sample, Request, TestNodes.Now).Root!.Element("transaction")!;

        Assert.Equal("0.04", transaction.Element("t_from")!.Element("from_foreign_currency")!.Element("foreign_amount")!.Value);
        Assert.Contains("4000000 base units", transaction.Element("transaction_description")!.Value, StringComparison.Ordinal);
        Assert.Equal("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", transaction.Element("t_from")!.Element("from_account")!.Element("account")!.Value);
        Assert.Equal("12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", transaction.Element("t_to")!.Element("to_account")!.Element("account")!.Value);
    }

    [Fact]
    public void Parties_AreThePersons_Organisations_AndWalletsOfTheCase()
    {
        var parties = GoAmlWriter.Write(Sample, Request, TestNodes.Now).Root!.Element("activity")!.Element("report_parties")!.Elements("report_party").ToList();

        Assert.Equal(3, parties.Count);
        Assert.Equal(("Jan", "de Vries"), (parties[0].Element("person")!.Element("first_name")!.Value, parties[0].Element("person")!.Element("last_name")!.Value));
        Assert.Equal("Example Exchange B.V.", parties[1].Element("entity")!.Element("name")!.Value);
        Assert.Equal("12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", parties[2].Element("account")!.Element("account")!.Value);
    }

    [Fact]
    public void AReportWithoutIndicators_IsRefused()
    {
        Assert.Throws<CairnException>(() => GoAmlWriter.Write(Sample, Request with { Indicators = [] }, TestNodes.Now));
    }
}
