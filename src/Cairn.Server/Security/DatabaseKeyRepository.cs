using System.Xml.Linq;
using Cairn.Core;
using Cairn.Storage.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Cairn.Server.Security;

/// <summary>
/// Keeps the data-protection key ring (session cookies, antiforgery tokens) in the database
/// (<see cref="SqlWebKeyRing"/>, sealed under the installation secret), so every server node on the
/// database accepts what another node issued. An installation that kept its ring in
/// <c>&lt;data&gt;/web-keys/</c> before has those keys copied in once, so sessions survive the upgrade.
/// Data protection calls this synchronously and rarely (it caches the ring and re-reads it about
/// every 24 h, and at once when a cookie names a key it does not know).
/// </summary>
public sealed class DatabaseKeyRepository : IXmlRepository
{
    private readonly SqlWebKeyRing _ring;
    private readonly string? _legacyDirectory;
    private int _imported;

    public DatabaseKeyRepository(SqlWebKeyRing ring, string? legacyDirectory)
    {
        _ring = ring;
        _legacyDirectory = legacyDirectory;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        ImportLegacyOnce();
        return _ring.ListAsync().GetAwaiter().GetResult().Select(Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _ring.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }

    private void ImportLegacyOnce()
    {
        if (Interlocked.Exchange(ref _imported, 1) == 1 || _legacyDirectory is null || !Directory.Exists(_legacyDirectory)) return;
        foreach (var file in Directory.EnumerateFiles(_legacyDirectory, "*.xml").Order(StringComparer.Ordinal))
        {
            XElement element;
            try
            {
                element = XElement.Load(file);
            }
            catch (System.Xml.XmlException ex)
            {
                throw new CairnException($"web key file {file} is not readable XML (line {ex.LineNumber}); remove it or restore it from a backup", ex);
            }
            _ring.StoreAsync(Path.GetFileNameWithoutExtension(file), element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
        }
    }

    private static XElement Parse(string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new CairnException($"web key ring: a key in table web_key_ring is not readable XML (line {ex.LineNumber})", ex);
        }
    }
}
