using Cairn.Core;
using PdfSharp.Fonts;

namespace Cairn.Legal.Documents;

/// <summary>
/// PDFsharp 6 has no system font access on Linux; it needs a resolver. This one serves DejaVu Sans
/// (Debian package fonts-dejavu-core, /usr/share/fonts/truetype/dejavu), which covers French accents.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private static readonly string[] Directories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CAIRN_FONT_DIR");
        foreach (var directory in Directories.Prepend(fromEnvironment).OfType<string>())
        {
            var path = Path.Combine(directory, faceName + ".ttf");
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }
        throw new CairnException($"font {faceName}.ttf not found: install the Debian package fonts-dejavu-core or set CAIRN_FONT_DIR");
    }
}
