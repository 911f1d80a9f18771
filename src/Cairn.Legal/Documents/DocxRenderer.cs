using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cairn.Legal.Documents;

/// <summary>Writes a <see cref="RequestDocument"/> as a WordprocessingML (.docx) file with built-in heading styles.</summary>
public static class DocxRenderer
{
    public static byte[] Render(RequestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Identifier = document.RequestId;
            word.PackageProperties.Language = document.Language;
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(document.Title, "Title", bold: true, size: 32));
            foreach (var section in document.Sections)
            {
                body.Append(Paragraph(section.Heading, "Heading1", bold: true, size: 26));
                foreach (var text in section.Paragraphs) body.Append(Paragraph(text, null, bold: false, size: 22));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style, bool bold, int size)
    {
        var runProperties = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) runProperties.Append(new Bold());
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
