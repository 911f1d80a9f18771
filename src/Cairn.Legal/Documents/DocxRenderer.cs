using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cairn.Legal.Documents;

/// <summary>
/// Writes a <see cref="RequestDocument"/> as a WordprocessingML (.docx) file: title, flags in red,
/// sections with built-in heading styles, then each annex as a bordered table (ECMA-376 Part 1 §17.4).
/// </summary>
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
            foreach (var flag in document.Flags) body.Append(Paragraph(flag, null, bold: true, size: 20, color: "C00000"));
            foreach (var section in document.Sections)
            {
                body.Append(Paragraph(section.Heading, "Heading1", bold: true, size: 26));
                foreach (var text in section.Paragraphs) body.Append(Paragraph(text, null, bold: false, size: 22));
            }
            foreach (var annex in document.Annexes)
            {
                body.Append(Paragraph(annex.Title, "Heading1", bold: true, size: 26));
                body.Append(Table(annex));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(DocumentTable annex)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(annex.Columns, bold: true));
        foreach (var row in annex.Rows) table.Append(Row(row, bold: false));
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(text => new TableCell(Paragraph(text, null, bold, size: 18))));

    private static Paragraph Paragraph(string text, string? style, bool bold, int size, string? color = null)
    {
        var runProperties = new RunProperties(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold) runProperties.Append(new Bold());
        if (color is not null) runProperties.Append(new Color { Val = color });
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
