using Cairn.Legal.Documents;
using Cairn.Legal.Requests;
using Cairn.Legal.Tests.Requests;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Pdf.IO;

namespace Cairn.Legal.Tests.Documents;

/// <summary>
/// Requests on instruments with an official form are rendered on it: EIO Annex A (Directive 2014/41/EU),
/// the freezing certificate (Reg 2018/1805 Annex I), EPOC-PR (Reg 2023/1543 Annex II), with the form's own
/// sections and wording, filled from the request, long lists in annex tables.
/// </summary>
public class OfficialFormTests
{
    [Fact]
    public void EioToGermany_InFrench_IsAnnexAWithItsOwnWordingAndSections()
    {
        var request = RequestFixtures.DraftFor("FR", "stored_content", language: "fr");
        Assert.Equal("eio-annex-a", request.FormId);
        var document = RequestComposer.Compose(request, TestData.Reference);
        Assert.Equal("fr", document.Language);
        Assert.StartsWith("DÉCISION D'ENQUÊTE EUROPÉENNE", document.Title, StringComparison.Ordinal);
        Assert.Contains(document.Sections, s => s.Heading == "SECTION A");
        Assert.Contains(document.Sections, s => s.Heading == "SECTION B: Urgence");
        Assert.Contains("État d'émission: France", document.PlainText, StringComparison.Ordinal);
        Assert.Contains("État d'exécution: Allemagne", document.PlainText, StringComparison.Ordinal);
        Assert.Contains("Directive 2014/41/EU, Annex A", document.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("::", document.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void FormTables_GoToAnnexTables_NotIntoTextFields()
    {
        var many = Enumerable.Range(0, 12).Select(i => $"bc1qexample{i:D2}").ToList();
        var drafter = new RequestDrafter(TestData.Reference, new FixedTime(TestData.Now));
        var finding = RequestFixtures.ExchangeInGermany with { Addresses = many };
        var request = Assert.Single(drafter.Draft(new DraftInput("CASE-7", "FR", [finding], ["freeze"], false)).Drafts);
        Assert.Equal("freezing-certificate", request.FormId);
        var document = RequestComposer.Compose(request, TestData.Reference);
        var assets = Assert.Single(document.Annexes, a => a.Rows.Any(r => r.Contains(many[11])));
        Assert.Equal(12, assets.Rows.Count);
        Assert.All(document.Sections.SelectMany(s => s.Paragraphs), p => Assert.DoesNotContain(many[11], p, StringComparison.Ordinal));
        Assert.Contains("(listed in the annex table)", request.Contents.Values.First(v => v.Contains("12 addresses", StringComparison.Ordinal)), StringComparison.Ordinal);

        var bytes = DocxRenderer.Render(document);
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var table = word.MainDocumentPart!.Document.Body!.Elements<Table>().First(t => t.InnerText.Contains(many[11], StringComparison.Ordinal));
        Assert.Equal(13, table.Elements<TableRow>().Count()); // heading row + one row per address
    }

    [Fact]
    public void FreezingCertificate_AskedInGerman_IsRenderedInEnglish_WithAVisibleFlag()
    {
        // The German wording of Reg 2018/1805 Annex I is not verified in the data (forms/freezing-certificate.yaml).
        var request = RequestFixtures.DraftFor("FR", "freeze", language: "de");
        Assert.Equal("en", request.Language);
        Assert.Contains("not verified", request.LanguageNote, StringComparison.Ordinal);
        var document = RequestComposer.Compose(request, TestData.Reference);
        Assert.Equal("en", document.Language);
        Assert.Contains(document.Flags, f => f.Contains("not verified", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> FormsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in TestData.Reference.Forms)
            foreach (var language in new[] { "en", "fr", "de" })
                data.Add(form.Id, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(FormsAndLanguages))]
    public void EveryForm_IsRenderedWithItsOwnSectionsNumbersAndWording_InTheAskedLanguageOnlyWhereThatWordingIsVerified(string formId, string language)
    {
        // Only wording read in the Official Journal text of a language may be printed (verified per language in
        // forms/*.yaml); any other language falls back to the English form with a visible flag.
        var form = TestData.Reference.Form(formId);
        var document = FormComposer.Compose(On(RequestFixtures.DraftFor("FR", "freeze"), formId, language), form, TestData.Reference);
        var rendered = form.IsVerifiedIn(language) ? language : "en";
        Assert.Equal(rendered, document.Language);
        Assert.StartsWith(form.Title.Values[rendered], document.Title, StringComparison.Ordinal);
        Assert.Equal(rendered != language, document.Flags.Any(f => f.Contains("not verified in Cairn's data", StringComparison.Ordinal)));
        Assert.Equal(form.Sections.Count + 2, document.Sections.Count); // header, the form's own sections, the legal act
        foreach (var (section, heading) in form.Sections.Zip(document.Sections.Skip(1)))
            if (section.Title.Has(rendered)) Assert.Contains(section.Title.Values[rendered], heading.Heading, StringComparison.Ordinal);
        foreach (var field in form.Fields)
        {
            var wording = field.Label.Values[rendered].TrimEnd().TrimEnd(':').TrimEnd();
            Assert.Contains(string.IsNullOrWhiteSpace(field.Number) ? wording : $"{field.Number} {wording}", document.PlainText, StringComparison.Ordinal);
            Assert.All(field.Options, o => Assert.Contains(o.Label.In(rendered), document.PlainText, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EpocPr_IsAddressedToTheServiceProvider()
    {
        // Chosen explicitly: between Member States the EIO's provisional measure (Art 32) is an equally specific,
        // verified option and ranks first by instrument id.
        var request = RequestFixtures.DraftFor("FR", "preservation", ruleId: "epoc-pr-preservation");
        Assert.Equal("epoc-pr", request.FormId);
        Assert.Equal("direct_to_provider", request.Channel);
        Assert.Equal("Example Exchange GmbH", request.Addressee!.Name);
        var document = RequestComposer.Compose(request, TestData.Reference);
        Assert.Contains("Example Exchange GmbH (service provider)", document.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void FormPdf_OpensAndCarriesTheAnnexTable()
    {
        var request = RequestFixtures.DraftFor("FR", "freeze");
        var bytes = PdfRenderer.Render(RequestComposer.Compose(request, TestData.Reference));
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
    }

    /// <summary>The drafted request put on <paramref name="formId"/> and asked in <paramref name="language"/>.</summary>
    private static LegalRequest On(LegalRequest drafted, string formId, string language) => new()
    {
        Id = drafted.Id, CaseReference = drafted.CaseReference, RequestType = drafted.RequestType, RequestingState = drafted.RequestingState,
        RequestedState = drafted.RequestedState, Measure = drafted.Measure, InstrumentId = drafted.InstrumentId, RuleId = drafted.RuleId,
        LegalBasis = drafted.LegalBasis, Channel = drafted.Channel, Addressee = drafted.Addressee, Language = language, FormId = formId,
        Findings = [.. drafted.Findings], History = [.. drafted.History],
    };
}
