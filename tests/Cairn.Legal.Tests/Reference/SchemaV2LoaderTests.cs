using Cairn.Core;
using Cairn.Legal.Loading;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Tests.Reference;

/// <summary>Schema v2 (docs/legal-data.md): what loads, and the one-line errors naming file and line for what a reviewer must fix.</summary>
public class SchemaV2LoaderTests
{
    private const string Jurisdictions =
        "jurisdictions:\n  - {code: DE, name: Germany, alpha3: DEU, independent: true, eu_member: true, official_languages: [deu]}\n" +
        "  - {code: FR, name: France, alpha3: FRA, independent: true, eu_member: true, official_languages: [fra]}\n";

    private static LegalReference Load(params DataFile[] files) => LegalDataLoader.LoadFiles(files.Prepend(new DataFile("jurisdictions.yaml", Jurisdictions)));

    private static string Instrument(string parties, string extra = "") =>
        "id: x\ntitle: X\nshort_title: X\nkind: multilateral_treaty\ntext_url: u\nas_of: 2026-12-01\nin_force: true\nentry_into_force: 2004-07-01\n" +
        "membership: listed\nparties_completeness: complete\n" + extra + "parties:\n" + parties +
        "rules:\n  - id: x-rule\n    title: R\n    measures: [testimony]\n    request_type: mla_request\n    channel: central_authority\n    specificity: 1\n" +
        "    citation: \"X Art 1\"\n    verified: true\n    dual_criminality: {rule: not_required, note: n, citation: \"X Art 2\"}\n";

    [Fact]
    public void PartyWithWithdrawalSuspensionAndDatedDeclaration_Loads()
    {
        var parties =
            "  - state: DE\n    ratification: 2005-01-01\n    consent: accession\n    in_force: 2005-04-01\n    verified: true\n    source: s\n" +
            "    withdrawal: {notified: 2020-01-01, effective: 2020-07-01, source: s}\n" +
            "    suspensions: [{from: 2010-01-01, to: 2011-01-01, note: paused, source: s}]\n" +
            "    declarations:\n      - {id: de-x, kind: reservation, article: \"X Art 9\", summary: dual, effect: {type: dual_criminality, rules: [x-rule]}, from: 2006-01-01, to: 2008-01-01, source: s, verified: true}\n" +
            "  - {state: EU, ratification: 2004-01-01, verified: true, source: s}\n";
        var instrument = Load(new DataFile("instruments/x.yaml", Instrument(parties))).Instrument("x");
        var germany = instrument.Parties[0];
        Assert.Equal("accession", germany.Consent);
        Assert.Equal(new DateOnly(2020, 7, 1), germany.Withdrawal!.Effective);
        Assert.Equal(PartyStandingKind.Suspended, germany.StandingOn(new DateOnly(2010, 6, 1)).Kind);
        Assert.Equal(PartyStandingKind.Bound, germany.StandingOn(new DateOnly(2011, 1, 1)).Kind);
        Assert.Equal(PartyStandingKind.Withdrawn, germany.StandingOn(new DateOnly(2020, 7, 1)).Kind);
        Assert.True(germany.Declarations[0].AppliesOn(new DateOnly(2007, 1, 1)));
        Assert.False(germany.Declarations[0].AppliesOn(new DateOnly(2008, 1, 1)));
        Assert.Equal("EU", instrument.Parties[1].State);
    }

    [Fact]
    public void Signatory_BeforeItsSignature_IsNotAParty_NotASignatory()
    {
        // France signed the UN Convention against Cybercrime in Hanoi on 2025-10-25 (data/legal/instruments/un-cybercrime.yaml);
        // a route judged on 2024-05-04 must not say it had signed.
        var france = new InstrumentParty("FR", new DateOnly(2025, 10, 25), null, null, Verified: true, Note: null, Source: "s");
        Assert.Equal(PartyStandingKind.NotParty, france.StandingOn(new DateOnly(2024, 5, 4)).Kind);
        Assert.Equal(PartyStandingKind.SignatoryOnly, france.StandingOn(new DateOnly(2025, 10, 25)).Kind);
    }

    [Theory]
    [InlineData("  - {state: QQ, verified: true, source: s}\n", "", "instruments/x.yaml:12: unknown state code 'QQ'")]
    [InlineData("  - {state: DE, consent: gift, verified: true, source: s}\n", "", "instruments/x.yaml:12: party DE has unknown consent 'gift'")]
    [InlineData("  - {state: DE, in_force: 2005-13-01, verified: true, source: s}\n", "", "instruments/x.yaml:12: malformed date '2005-13-01'")]
    [InlineData("  - {state: DE, verified: true, source: s, declarations: [{id: d1, kind: reservation, article: \"X Art 9\", summary: s, effect: {type: rule_excluded, rules: [no-such-rule]}}]}\n", "",
        "instruments/x.yaml:12: declaration 'd1' names unknown rule 'no-such-rule'")]
    [InlineData("  - {state: DE, verified: true, source: s, declarations: [{id: d1, kind: reservation, article: \"X Art 9\", summary: s, effect: {type: veto}}]}\n", "",
        "instruments/x.yaml:12: declaration 'd1' has unknown effect type 'veto'")]
    [InlineData("  - {state: DE, verified: true, source: s, declarations: [{id: d1, kind: declaration, article: \"X Art 9\", summary: s, effect: {type: dual_criminality, measures: [teleport]}}]}\n", "",
        "instruments/x.yaml:12: declaration 'd1' names unknown measure 'teleport'")]
    [InlineData("  - {state: DE, verified: true, source: s}\n", "hub: EU\n", "instruments/x.yaml:11: unknown state code 'EU'")]
    [InlineData("  - {state: DE, verified: true, source: s}\n", "colour: blue\n", "instruments/x.yaml:11: malformed YAML: Property 'colour' not found")]
    public void BadInstrumentData_IsOneLineErrorNamingFileAndLine(string parties, string extra, string expected)
    {
        var error = Assert.Throws<CairnException>(() => Load(new DataFile("instruments/x.yaml", Instrument(parties, extra))));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ContactForTheEu_IsRejected_TheEuIsOnlyAPartyCode()
    {
        var contacts = new DataFile("contacts.yaml", "contacts:\n  - {state: EU, role: fiu, name: N, source: s, verified: false}\n");
        var error = Assert.Throws<CairnException>(() => Load(contacts));
        Assert.Equal("contacts.yaml:2: unknown state code 'EU'", error.Message);
    }

    [Fact]
    public void ContactsV2_AreKeptPerStateRoleAndInstrument()
    {
        var contacts = new DataFile("contacts.yaml",
            "contacts:\n  - {state: DE, role: central_authority, name: General, source: s, verified: true, as_of: 2026-12-01}\n" +
            "  - {state: DE, role: central_authority, instrument: x, name: Designated, languages: [deu, eng], source: s, verified: true, as_of: 2026-12-01}\n");
        var germany = Load(new DataFile("instruments/x.yaml", Instrument("  - {state: DE, verified: true, source: s}\n")), contacts).Jurisdiction("DE");
        Assert.Equal("Designated", germany.ContactFor(ContactRoles.CentralAuthority, "x")!.Name);
        Assert.Equal("General", germany.ContactFor(ContactRoles.CentralAuthority, "other")!.Name);
        Assert.Null(germany.ContactFor(ContactRoles.Fiu, "x"));
    }

    [Fact]
    public void FormWithAnUnknownFillKey_IsRejectedNamingTheKeyAndLine()
    {
        var form = new DataFile("forms/f.yaml",
            "id: f\ninstrument: x\nmeasures: [testimony]\ntitle: {en: F}\nlegal_act: L\nsource: {en: u}\nas_of: 2026-12-01\nverified: {en: true}\n" +
            "sections:\n  - id: A\n    title: {en: SECTION A}\n    fields:\n      - {id: A.1, label: {en: Name}, kind: text, fill: suspect.shoe_size}\n");
        var error = Assert.Throws<CairnException>(() => Load(new DataFile("instruments/x.yaml", Instrument("  - {state: DE, verified: true, source: s}\n")), form));
        Assert.Equal("forms/f.yaml:13: field 'A.1' fills from unknown key 'suspect.shoe_size'", error.Message);
    }

    [Fact]
    public void EmbeddedForms_CoverEioFreezingConfiscationEpocAndEpocPr()
    {
        var forms = TestData.Reference.Forms.Select(f => f.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["confiscation-certificate", "eio-annex-a", "epoc", "epoc-pr", "freezing-certificate"], forms);
        Assert.Equal("eio-annex-a", TestData.Reference.FormFor("eio", "stored_content")!.Id);
        Assert.Equal("epoc-pr", TestData.Reference.FormFor("reg-2023-1543", "preservation")!.Id);
    }
}
