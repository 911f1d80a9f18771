using System.Text.Json;
using Cairn.Core;
using Cairn.Legal.Loading;
using Cairn.TestSupport;

namespace Cairn.Legal.Tests.Reference;

public class LegalDataLoaderTests
{
    [Fact]
    public void EmbeddedData_LoadsEveryInstrumentNamedInTheIssue()
    {
        var ids = TestData.Reference.Instruments.Select(i => i.Id).ToHashSet();
        foreach (var id in new[] { "budapest", "cets224", "untoc", "uncac", "eio", "reg-2018-1805", "ets030", "eu-mla-2000", "us-mlat", "egmont" })
            Assert.Contains(id, ids);
    }

    [Fact]
    public void JurisdictionFile_HasEveryCountryOfTheSharedCountryData()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("countries", "countries.json")));
        var codes = json.RootElement.EnumerateArray().Select(c => c.GetProperty("cca2").GetString()!).ToList();
        Assert.Equal(250, codes.Count);
        foreach (var code in codes) Assert.True(TestData.Reference.IsKnownState(code), code);
        Assert.Equal(codes.Count, TestData.Reference.Jurisdictions.Count);
    }

    [Fact]
    public void EuMembership_IsTheTwentySevenMemberStates()
    {
        Assert.Equal(27, TestData.Reference.Jurisdictions.Count(j => j.EuMember));
        Assert.True(TestData.Reference.IsEuMember("DK"));
        Assert.False(TestData.Reference.IsEuMember("GB"));
    }

    [Fact]
    public void UnknownContactsStayNull_NeverGuessed()
    {
        var tonga = TestData.Reference.Jurisdiction("TO");
        Assert.Empty(tonga.Contacts);
        Assert.Null(tonga.ContactFor(Legal.Reference.ContactRoles.CentralAuthority, "untoc"));
    }

    [Fact]
    public void MalformedYaml_IsOneLineErrorWithFileAndLine()
    {
        var files = BaseFiles().Append(new DataFile("instruments/bad.yaml", "id: bad\ntitle: [unclosed\n"));
        var error = Assert.Throws<CairnException>(() => LegalDataLoader.LoadFiles(files));
        Assert.StartsWith("instruments/bad.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnEmptyEntryInAList_IsALoadErrorNamingTheList_NotANullReference()
    {
        // Found by the fuzz suite: a party list ending in "-" reached the party mapper as null.
        var files = BaseFiles().Append(new DataFile("instruments/x.yaml", Instrument("parties:\n  - {state: DE, verified: true}\n  -\n", Rule("citation: \"X Art 1\""))));
        var error = Assert.Throws<CairnException>(() => LegalDataLoader.LoadFiles(files));
        Assert.Equal("instruments/x.yaml:12: entry 2 of 'parties' is empty (a '-' with nothing after it)", error.Message);
    }

    [Fact]
    public void UnknownStateCodeInParties_IsLoadErrorNamingCodeAndLine()
    {
        var files = BaseFiles().Append(new DataFile("instruments/x.yaml", Instrument("parties:\n  - {state: QQ, verified: true}\n", Rule("citation: \"X Art 1\""))));
        var error = Assert.Throws<CairnException>(() => LegalDataLoader.LoadFiles(files));
        Assert.Equal("instruments/x.yaml:11: unknown state code 'QQ'", error.Message);
    }

    [Fact]
    public void RuleWithoutCitation_IsLoadError()
    {
        var files = BaseFiles().Append(new DataFile("instruments/x.yaml", Instrument("parties: []\n", Rule(""))));
        var error = Assert.Throws<CairnException>(() => LegalDataLoader.LoadFiles(files));
        Assert.Contains("rule 'x-rule' has no citation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyListEntryInRequiredContents_IsLoadErrorNotACrash()
    {
        // Found by the legal-yaml fuzz target: a bare "-" is a null entry and reached the mapper as null.
        var rule = Rule("citation: \"X Art 1\"").Replace("required_contents: []", "required_contents:\n      - {id: facts, label: Facts, citation: \"X Art 2\"}\n      -");
        var files = BaseFiles().Append(new DataFile("instruments/x.yaml", Instrument("parties: []\n", rule)));
        var error = Assert.Throws<CairnException>(() => LegalDataLoader.LoadFiles(files));
        Assert.Matches(@"^instruments/x\.yaml:\d+: entry 2 of 'rules\[1\]\.required_contents' is empty", error.Message);
    }

    [Fact]
    public void ContentItemWithoutCitation_IsLoadError()
    {
        var rule = Rule("citation: \"X Art 1\"").Replace("required_contents: []", "required_contents:\n      - {id: facts, label: Facts}");
        var files = BaseFiles().Append(new DataFile("instruments/x.yaml", Instrument("parties: []\n", rule)));
        var error = Assert.Throws<CairnException>(() => LegalDataLoader.LoadFiles(files));
        Assert.Contains("item 'facts' has no citation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideDirectory_ThatDoesNotExist_IsUserError()
    {
        Assert.Throws<CairnException>(() => LegalDataLoader.Load("/nonexistent/legal"));
    }

    [Fact]
    public void RepositoryDataDirectory_LoadsLikeTheEmbeddedCopy()
    {
        var fromDisk = LegalDataLoader.LoadDirectory(Path.Combine(SharedData.RepositoryRoot, "data", "legal"));
        Assert.Equal(TestData.Reference.Instruments.Count, fromDisk.Instruments.Count);
    }

    private static IEnumerable<DataFile> BaseFiles() =>
        [new DataFile("jurisdictions.yaml", "jurisdictions:\n  - {code: DE, name: Germany, alpha3: DEU, independent: true, eu_member: true, official_languages: [deu]}\n")];

    private static string Instrument(string parties, string rule) =>
        "id: x\ntitle: X\nshort_title: X\nkind: multilateral_treaty\ntext_url: u\nas_of: 2026-11-21\nin_force: true\nmembership: listed\nparties_completeness: partial\n" + parties + "rules:\n" + rule;

    private static string Rule(string citation) =>
        "  - id: x-rule\n    title: R\n    measures: [testimony]\n    request_type: mla_request\n    channel: central_authority\n    specificity: 1\n    " + citation +
        "\n    verified: true\n    dual_criminality: {rule: not_required, note: n, citation: \"X Art 2\"}\n    required_contents: []\n    deadlines: []\n    refusal_grounds: []\n";
}
