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
}
