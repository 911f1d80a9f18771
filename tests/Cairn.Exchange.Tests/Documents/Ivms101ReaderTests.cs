using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Exchange.Ivms101;
using Cairn.TestSupport;

namespace Cairn.Exchange.Tests.Documents;

public class Ivms101ReaderTests
{
    private const string BtcOriginator = "btc:14HmBSwec8XrcWge9Zi1ZngNia64u3Wd2v";
    private const string BtcBeneficiary = "btc:14WU745djqecaJ1gmtWQGeMCFim1W5MNp3";
    private const string XrpOriginator = "xrp:rJChk8e71gxVhyJSr1srzZxWhVisWMMYKZ";
    private const string XrpBeneficiary = "xrp:rHcFoo6a9qT5NHiVn1THQRhsEGcxtYCV4d";
    private static readonly string[] TrisaPeople = ["Jane Howard", "Lawrence Clark", "AliceCoin, Inc.", "Bob's Discount VASP, PLC"];

    /// <summary>Every published payload: the names of the persons it must yield and its accounts as chain:address.</summary>
    public static TheoryData<string, string[], string[]> Payloads => new()
    {
        { "trisa/ivms101__identity_payload.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/ivms101__identity_payload_alt.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/ivms101__identity_payload.pb.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/trisa__envelope__payload.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/trisa__envelope__pending_payload.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/trisa__envelope__payload__identity.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/openvasp__identity.json", TrisaPeople, [BtcOriginator, BtcBeneficiary] },
        { "trisa/openvasp__inquiry.json", ["Johnny Post", "Mildred Tilcott", "Alice VASP"], ["btc-testnet:mhtL3YVFdpTVffmLgUp4h4bcP3Su2zr5qx"] },
        { "trisa/openvasp__client__inquiry.json", ["Johnny Post", "Freddie MachuPichu", "VASP A"], [] },
        { "code/asset-transfer-authorization-request-legal-2-legal-example.json", ["Coinone Inc.", "Robert Barnes", "Korbit Inc.", "Alice Smith", "Korbit Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-request-legal-2-natual-example.json", ["Coinone Inc.", "Robert Barnes", "Alice Smith", "Korbit Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-request-natual-2-legal-example.json", ["Robert Barnes", "Korbit Inc.", "Alice Smith", "Korbit Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-request-natual-2-natual-example.json", ["Robert Barnes", "Alice Smith", "Korbit Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-response-legal-2-legal-example.json", ["Coinone Inc.", "Robert Barnes", "Korbit Inc.", "Alice Smith", "Korbit Inc.", "Coinone Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-response-legal-2-natual-example.json", ["Coinone Inc.", "Robert Barnes", "Alice Smith", "Korbit Inc.", "Coinone Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-response-natual-2-legal-example.json", ["Robert Barnes", "Korbit Inc.", "Alice Smith", "Korbit Inc.", "Coinone Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/asset-transfer-authorization-response-natual-2-natual-example.json", ["Robert Barnes", "Alice Smith", "Korbit Inc.", "Coinone Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/complete-example.json", ["Robert Barnes", "Alice Smith", "Korbit Inc.", "Coinone Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/complete-example-legal-person.json", ["Coinone Inc.", "Robert Barnes", "Korbit Inc.", "Alice Smith", "Korbit Inc.", "Coinone Inc."], [XrpOriginator, XrpBeneficiary] },
        { "code/virtual-asset-address-search-request-example.json", [], [XrpBeneficiary] },
    };

    private static string PathOf(string name) => Path.Combine(SharedData.RepositoryRoot, "tests", "Cairn.Exchange.Tests", "TestData", "ivms101", name);

    private static Ivms101Import ReadFile(string name) => Ivms101Reader.Read(File.ReadAllText(PathOf(name)), name);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void PublishedPayload_YieldsEveryPersonAndAccount(string file, string[] people, string[] accounts)
    {
        var imported = ReadFile(file);

        Assert.Equal(people.Order(StringComparer.Ordinal), imported.Subjects.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(accounts.Order(StringComparer.Ordinal), imported.Wallets.Select(w => $"{w.Chain}:{w.Address}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryPublishedPayloadFile_IsCovered()
    {
        var covered = Payloads.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(PathOf(""), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(PathOf(""), f).Replace('\\', '/'))
            .Where(f => f != "trisa/ivms101__person_natural_person.json");

        Assert.All(files, f => Assert.Contains(f, covered));
    }

    [Fact]
    public void ProtobufJson_AndCanonicalJson_GiveTheSameImport()
    {
        var canonical = ReadFile("trisa/ivms101__identity_payload.json");
        var protobuf = ReadFile("trisa/ivms101__identity_payload.pb.json");

        Assert.Equal(canonical.Wallets, protobuf.Wallets);
        Assert.Equal(canonical.Subjects.Select(s => (s.Kind, s.Name)), protobuf.Subjects.Select(s => (s.Kind, s.Name)));
        Assert.Contains(protobuf.Subjects, s => s.Details.Contains("national id 112502920 SOCS", StringComparison.Ordinal));
    }

    [Fact]
    public void AnXrpAccount_KeepsItsChain_AndItsDestinationTagApartFromTheAddress()
    {
        var wallet = ReadFile("code/complete-example.json").Wallets.Single(w => w.Label.StartsWith("IVMS101 originator", StringComparison.Ordinal));

        Assert.Equal(("xrp", "rJChk8e71gxVhyJSr1srzZxWhVisWMMYKZ"), (wallet.Chain, wallet.Address));
        Assert.Equal("IVMS101 originator; destination tag tag or memo", wallet.Label);
    }

    [Theory]
    [InlineData("rJChk8e71gxVhyJSr1srzZxWhVisWMMYKZ?dt=12345", "xrp", "rJChk8e71gxVhyJSr1srzZxWhVisWMMYKZ", "12345")]
    [InlineData("0x742d35Cc6634C0532925a3b844Bc454e4438f44e", "eth", "0x742d35Cc6634C0532925a3b844Bc454e4438f44e", null)]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", null)]
    [InlineData("LQL9pVH1LsMfKwt82Y2wGhNGkrjF8vwUst", "unknown", "LQL9pVH1LsMfKwt82Y2wGhNGkrjF8vwUst", null)] // Litecoin: not Bitcoin
    [InlineData("0x742d35Cc6634C0532925a3b844Bc454e4438f44F", "unknown", "0x742d35Cc6634C0532925a3b844Bc454e4438f44F", null)] // bad EIP-55 checksum
    [InlineData("rJChk8e71gxVhyJSr1srzZxWhVisWMMYKa", "unknown", "rJChk8e71gxVhyJSr1srzZxWhVisWMMYKa", null)] // bad XRP checksum
    [InlineData("7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", "unknown", "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", null)]
    public void AccountNumber_IsRecognisedByItsFormat_NeverGuessedAsBitcoin(string text, string chain, string address, string? tag)
    {
        Assert.Equal(new AccountNumber(chain, address, tag), AccountNumber.Parse(text));
    }

    [Fact]
    public void AnUnrecognisedAccount_TakesTheNetworkTheMessageNames()
    {
        Assert.Equal("sol", AccountNumber.Parse("7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", "SOL").Chain);
    }

    [Fact]
    public void Ivms101_2023_WithNameIdentifiersAsTheNameArray_IsRead()
    {
        const string payload = """
            {"originator": {"originatorPerson": [{"naturalPerson": {"name": [{"primaryIdentifier": "Smith", "secondaryIdentifier": "John", "naturalPersonNameIdentifierType": "LEGL"}]}}],
                            "accountNumber": ["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"]},
             "payloadMetadata": {"payloadVersion": "101.2023"}}
            """;
        var imported = Ivms101Reader.Read(payload, "2023.json");

        Assert.Equal("John Smith", Assert.Single(imported.Subjects).Name);
        Assert.Equal(new CaseWallet("btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", WalletRole.Unknown, "IVMS101 originator"), Assert.Single(imported.Wallets));
    }

    [Theory]
    [InlineData("trisa/ivms101__person_natural_person.json", "no originator, beneficiary")]
    public void APublishedFileThatIsNoIdentityPayload_IsRefused(string file, string expected)
    {
        var message = Assert.Throws<CairnException>(() => ReadFile(file)).Message;
        Assert.Contains(file, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"cairn\", \"version\": 1}", "no originator, beneficiary, originatingVASP or beneficiaryVASP (top-level keys: name, version)")]
    [InlineData("[1, 2, 3]", "must be a JSON object")]
    [InlineData("not json at all", "is not JSON")]
    [InlineData("{\"originator\": \"Alice\"}", "$.originator must be an object")]
    [InlineData("{\"originator\": {\"originatorPersons\": [{\"nobody\": {}}]}}", "$.originator.originatorPersons[0] has neither naturalPerson nor legalPerson")]
    [InlineData("{\"originator\": {\"accountNumber\": [42]}}", "$.originator.accountNumber[0] must be a string")]
    [InlineData("{\"originator\": {\"accountNumber\": []}, \"extra\": 1}", "unexpected key 'extra' at $")]
    [InlineData("{\"originator\": {\"accountNumber\": []}}", "names no person and no account")]
    public void NonIvms101Input_IsRefusedWithOneLineSayingWhere(string json, string expected)
    {
        var message = Assert.Throws<CairnException>(() => Ivms101Reader.Read(json, "input.json")).Message;

        Assert.StartsWith("input.json ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }
}
