using System.Text.Json;
using Cairn.Legal.Documents;
using Cairn.Legal.Requests;
using Cairn.Legal.Tests.Requests;
using DocumentFormat.OpenXml.Packaging;
using PdfSharp.Pdf.IO;

namespace Cairn.Legal.Tests.Documents;

public class RenderingTests
{
    [Fact]
    public void Docx_ContainsLegalBasisWalletsAndMissingMarkers_English()
    {
        var request = RequestFixtures.DraftFor("US", "preservation");
        var bytes = DocxRenderer.Render(RequestComposer.Compose(request, TestData.Reference));
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Request for expedited preservation of stored data", text, StringComparison.Ordinal);
        Assert.Contains("ETS 185 Art 29", text, StringComparison.Ordinal);
        Assert.Contains(RequestFixtures.Address, text, StringComparison.Ordinal);
        Assert.Contains(RequestFixtures.TxId, text, StringComparison.Ordinal);
        Assert.Contains("[to be completed]", text, StringComparison.Ordinal);
        Assert.Equal(request.Id, word.PackageProperties.Identifier);
    }

    [Fact]
    public void Docx_French_UsesFrenchTemplateAndLabels()
    {
        // US to Germany, freezing: a structured letter (no official form), in French as asked.
        var request = RequestFixtures.DraftFor("US", "freeze", language: "fr");
        Assert.Null(request.FormId);
        var bytes = DocxRenderer.Render(RequestComposer.Compose(request, TestData.Reference));
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Demande de gel d'avoirs", text, StringComparison.Ordinal);
        Assert.Contains("Base juridique", text, StringComparison.Ordinal);
        Assert.Contains("Signature et cachet officiel", text, StringComparison.Ordinal);
        Assert.Contains("[à compléter]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_OpensWithTitleSubjectPagesAndEmbeddedDejaVuFont()
    {
        var request = RequestFixtures.DraftFor("FR", "freeze", language: "fr");
        var document = RequestComposer.Compose(request, TestData.Reference);
        var bytes = PdfRenderer.Render(document);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal(document.Title, pdf.Info.Title);
        Assert.Equal(request.Id, pdf.Info.Subject);
        Assert.True(pdf.PageCount >= 1);
        var fonts = pdf.Pages[0].Resources.Elements.GetDictionary("/Font")!;
        var baseFonts = fonts.Elements.Values.OfType<PdfSharp.Pdf.Advanced.PdfReference>()
            .Select(r => ((PdfSharp.Pdf.PdfDictionary)r.Value).Elements.GetName("/BaseFont")).ToList();
        Assert.Contains(baseFonts, name => name.EndsWith("+DejaVu Sans", StringComparison.Ordinal));
    }

    [Fact]
    public void UnverifiedRule_IsFlaggedInTheDocument()
    {
        var request = RequestFixtures.DraftFor("US", "fiu_exchange");
        var document = RequestComposer.Compose(request, TestData.Reference);
        Assert.Contains(document.Flags, f => f.Contains("egmont-request", StringComparison.Ordinal) && f.Contains("not verified", StringComparison.Ordinal));
    }

    [Fact]
    public void LegalJson_RoundTripsExactAmounts_AsBaseUnitStrings()
    {
        var request = RequestFixtures.DraftFor("US", "preservation");
        var json = JsonSerializer.Serialize(request, LegalJson.Options);
        var loaded = JsonSerializer.Deserialize<LegalRequest>(json, LegalJson.Options)!;
        Assert.Equal(request.Findings[0].Amounts[0].BaseUnits, loaded.Findings[0].Amounts[0].BaseUnits);
        Assert.Equal(request.Contents, loaded.Contents);
        Assert.Equal(RequestStatus.Draft, loaded.Status);
        Assert.Contains("\"5000000000\"", json, StringComparison.Ordinal);
    }
}
