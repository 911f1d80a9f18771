using System.Xml;
using System.Xml.Linq;

namespace Cairn.Cases.Evidence;

/// <summary>
/// <c>META-INF/ASiCManifest.xml</c> of an ASiC-E container with a CAdES signature (ETSI EN 319 162-1
/// §4.4.3, schema namespace <c>http://uri.etsi.org/02918/v1.2.1#</c>): a <c>SigReference</c> to the
/// signature file and one <c>DataObjectReference</c> per signed file with its XML-DSig SHA-256 digest.
/// The CAdES signature covers this file, and through its digests every data object.
/// </summary>
internal static class AsicManifest
{
    public const string Namespace = "http://uri.etsi.org/02918/v1.2.1#";
    public const string DigestMethodSha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static readonly XNamespace Asic = Namespace;
    private static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";

    public static byte[] Write(string signatureName, IEnumerable<(string Uri, string MimeType, byte[] Sha256)> dataObjects)
    {
        var root = new XElement(Asic + "ASiCManifest",
            new XAttribute(XNamespace.Xmlns + "asic", Namespace),
            new XAttribute(XNamespace.Xmlns + "ds", Ds.NamespaceName),
            new XElement(Asic + "SigReference", new XAttribute("URI", signatureName), new XAttribute("MimeType", "application/pkcs7-signature")),
            dataObjects.Select(d => new XElement(Asic + "DataObjectReference",
                new XAttribute("URI", d.Uri), new XAttribute("MimeType", d.MimeType),
                new XElement(Ds + "DigestMethod", new XAttribute("Algorithm", DigestMethodSha256)),
                new XElement(Ds + "DigestValue", Convert.ToBase64String(d.Sha256)))));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        return buffer.ToArray();
    }

    /// <summary>The signature file named and the data objects with their SHA-256; throws <see cref="InvalidDataException"/> when it is not an ASiC manifest.</summary>
    public static (string Signature, IReadOnlyList<(string Uri, byte[] Sha256)> DataObjects) Read(byte[] xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException("META-INF/ASiCManifest.xml is not XML: " + ex.Message, ex);
        }
        var root = document.Root;
        if (root?.Name != Asic + "ASiCManifest") throw new InvalidDataException($"META-INF/ASiCManifest.xml has root {root?.Name}, not asic:ASiCManifest");
        var signature = root.Element(Asic + "SigReference")?.Attribute("URI")?.Value ?? throw new InvalidDataException("META-INF/ASiCManifest.xml has no SigReference");
        var objects = new List<(string, byte[])>();
        foreach (var reference in root.Elements(Asic + "DataObjectReference"))
        {
            var uri = reference.Attribute("URI")?.Value ?? throw new InvalidDataException("a DataObjectReference has no URI");
            var method = reference.Element(Ds + "DigestMethod")?.Attribute("Algorithm")?.Value;
            if (method != DigestMethodSha256) throw new InvalidDataException($"{uri}: digest method {method ?? "(none)"} is not SHA-256");
            try
            {
                objects.Add((uri, Convert.FromBase64String(reference.Element(Ds + "DigestValue")?.Value ?? "")));
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"{uri}: the digest is not base64", ex);
            }
        }
        return (signature, objects);
    }
}
