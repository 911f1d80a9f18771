using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Cairn.Legal.Documents;

/// <summary>
/// Writes a <see cref="RequestDocument"/> as an A4 PDF (PDFsharp 6.5, DejaVu Sans), flowing text over pages:
/// flags in red, sections, then annex tables drawn as ruled rows of equal-width columns.
/// </summary>
public static class PdfRenderer
{
    private const double Margin = 56;
    private static readonly Lock FontLock = new();

    public static byte[] Render(RequestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureFonts();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = document.RequestId;
        pdf.Info.Keywords = "cairn legal request " + document.Language;
        var writer = new PageWriter(pdf);
        writer.Write(document.Title, new XFont(DejaVuFontResolver.FamilyName, 16, XFontStyleEx.Bold));
        var heading = new XFont(DejaVuFontResolver.FamilyName, 12, XFontStyleEx.Bold);
        var body = new XFont(DejaVuFontResolver.FamilyName, 10, XFontStyleEx.Regular);
        foreach (var flag in document.Flags) writer.Write(flag, heading, XBrushes.DarkRed);
        foreach (var section in document.Sections)
        {
            writer.Write(section.Heading, heading);
            foreach (var paragraph in section.Paragraphs) writer.Write(paragraph, body);
        }
        var cell = new XFont(DejaVuFontResolver.FamilyName, 8, XFontStyleEx.Regular);
        var header = new XFont(DejaVuFontResolver.FamilyName, 8, XFontStyleEx.Bold);
        foreach (var annex in document.Annexes)
        {
            writer.Write(annex.Title, heading);
            writer.WriteRow(annex.Columns, header);
            foreach (var row in annex.Rows) writer.WriteRow(row, cell);
        }
        writer.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream);
        return stream.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontLock)
        {
            // PDFsharp is pinned at 6.2.4, the last MIT-licensed release (6.5 moved to the AGPL and
            // needs a licence loaded before use); see NOTICE.md.
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
        }
    }

    /// <summary>Lays paragraphs top to bottom, starting a new page when the next one does not fit.</summary>
    private sealed class PageWriter(PdfDocument pdf) : IDisposable
    {
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        private static double Width => XUnit.FromMillimeter(210).Point - 2 * Margin;

        public void Write(string text, XFont font, XBrush? brush = null)
        {
            var height = Height(text, font, Width) + 6;
            if (_graphics is null || _y + height > _page!.Height.Point - Margin) NewPage();
            var formatter = new XTextFormatter(_graphics!);
            formatter.DrawString(text, font, brush ?? XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
            _y += height;
        }

        /// <summary>One table row: equal columns, each cell wrapped, ruled above and at the sides.</summary>
        public void WriteRow(IReadOnlyList<string> cells, XFont font)
        {
            if (cells.Count == 0) return;
            if (_graphics is null) NewPage();
            var column = Width / cells.Count;
            // Long identifiers (addresses, transaction ids) have no spaces: break them so they wrap inside the cell.
            var texts = cells.Select(c => Breakable(c, font, column - 4)).ToList();
            var height = texts.Max(t => Height(t, font, column - 4)) + 4;
            if (_y + height > _page!.Height.Point - Margin) NewPage();
            var formatter = new XTextFormatter(_graphics!);
            for (var i = 0; i < texts.Count; i++)
            {
                var box = new XRect(Margin + i * column, _y, column, height);
                _graphics!.DrawRectangle(XPens.Gray, box);
                formatter.DrawString(texts[i], font, XBrushes.Black, new XRect(box.X + 2, box.Y + 2, column - 4, height - 4), XStringFormats.TopLeft);
            }
            _y += height;
        }

        private double Height(string text, XFont font, double width)
        {
            var lines = text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(EstimateWidth(line, font) * 1.1 / width)));
            return lines * font.GetHeight() * 1.2;
        }

        private string Breakable(string text, XFont font, double width)
        {
            if (EstimateWidth(text, font) <= width || text.Contains(' ', StringComparison.Ordinal)) return text;
            var perLine = Math.Max(4, (int)(text.Length * width / EstimateWidth(text, font)) - 1);
            return string.Join("\n", text.Chunk(perLine).Select(c => new string(c)));
        }

        public void Dispose() => _graphics?.Dispose();

        private double EstimateWidth(string text, XFont font) => _graphics?.MeasureString(text, font).Width ?? text.Length * font.Size * 0.55;

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Width = XUnit.FromMillimeter(210);
            _page.Height = XUnit.FromMillimeter(297);
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
    }
}
