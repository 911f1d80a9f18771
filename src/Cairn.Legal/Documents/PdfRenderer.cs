using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Cairn.Legal.Documents;

/// <summary>Writes a <see cref="RequestDocument"/> as an A4 PDF (PDFsharp 6.5, DejaVu Sans), flowing text over pages.</summary>
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
        foreach (var section in document.Sections)
        {
            writer.Write(section.Heading, heading);
            foreach (var paragraph in section.Paragraphs) writer.Write(paragraph, body);
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

        public void Write(string text, XFont font)
        {
            var width = XUnit.FromMillimeter(210).Point - 2 * Margin;
            var lines = Math.Max(1, (int)Math.Ceiling(EstimateWidth(text, font) / width)) + text.Count(c => c == '\n');
            var height = lines * font.GetHeight() * 1.2 + 6;
            if (_graphics is null || _y + height > _page!.Height.Point - Margin) NewPage();
            var formatter = new XTextFormatter(_graphics!);
            formatter.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, width, height), XStringFormats.TopLeft);
            _y += height;
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
