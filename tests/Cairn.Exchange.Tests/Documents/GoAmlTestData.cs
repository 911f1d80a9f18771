using Cairn.Cases.Cases;
using Cairn.Exchange.GoAml;
using Cairn.Exchange.Tests.Envelopes;
using Cairn.TestSupport;

namespace Cairn.Exchange.Tests.Documents;

/// <summary>A sample case and report request, and the goAML schemas and FIU files under TestData/goaml (see its README).</summary>
internal static class GoAmlTestData
{
    public static readonly Case Sample = new()
    {
        Id = "0195b1c2-0000-7000-8000-000000000001",
        Reference = "FIOD-2025-17",
        Title = "WannaCry ransom payments",
        OwningAgency = "fiu-nl",
        OffenceType = "ransomware",
        OpenedAt = TestNodes.Now,
        Subjects = [new CaseSubject(SubjectKind.Person, "Jan de Vries", "cash-out mule"), new CaseSubject(SubjectKind.Organisation, "Example Exchange B.V.", "VASP")],
        Wallets =
        [
            new CaseWallet("btc", "12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", WalletRole.Perpetrator, "ransom wallet"),
            new CaseWallet("eth", "0x742d35Cc6634C0532925a3b844Bc454e4438f44e", WalletRole.Unknown, ""),
        ],
    };

    public static string PathOf(string name) => Path.Combine(SharedData.RepositoryRoot, "tests", "Cairn.Exchange.Tests", "TestData", "goaml", name);

    public static GoAmlProfile Profile(string name) => GoAmlProfile.Parse(File.ReadAllText(PathOf(name)), name);

    public static GoAmlReportRequest Request(GoAmlProfile profile) => new()
    {
        ReportingEntityId = "1234",
        ReportingPersonFirstName = "Anna",
        ReportingPersonLastName = "Smit",
        Profile = profile,
        Transactions =
        [
            new GoAmlTransaction("a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be", TestNodes.Now.AddDays(-3), "btc",
                "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "12t9YDPgwueZ9NyMgw519p7AA8isjr6SMw", "4000000", "BTC", 8),
            // 1.234567890123456789 ETH: more fraction digits than goAML's sql_decimal allows.
            new GoAmlTransaction("0x1b0d7d3b0c4c4a3a2d0f1e6b9f6f1c58e0a1b2c3d4e5f60718293a4b5c6d7e8f", TestNodes.Now.AddDays(-2), "eth",
                "0x742d35Cc6634C0532925a3b844Bc454e4438f44e", "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "1234567890123456789", "ETH", 18, "15000.00"),
        ],
    };
}
