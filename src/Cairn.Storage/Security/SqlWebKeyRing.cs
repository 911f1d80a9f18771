using System.Security.Cryptography;
using System.Text;
using Cairn.Cases.Custody;
using Cairn.Core;
using Dapper;

namespace Cairn.Storage.Security;

/// <summary>
/// The web key ring in the database (<c>web_key_ring</c>, migration 093): the XML of each
/// data-protection key that protects session cookies and antiforgery tokens, shared by every server
/// node on the database. Keys are secrets: each is sealed with AES-256-GCM (NIST SP 800-38D) under
/// a key derived from the installation secret, with the key's name as associated data (a sealed
/// key moved to another name does not open), and never logged. Keys are only ever added, never
/// changed, so concurrent nodes cannot overwrite each other.
/// </summary>
public sealed class SqlWebKeyRing
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly CairnDatabase _database;
    private readonly byte[] _sealingKey;

    public SqlWebKeyRing(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _sealingKey = database.Secret.DeriveKey("web key ring");
    }

    /// <summary>Every key's XML, oldest first; a row that does not open (another installation's secret, damage) is a one-line error naming it.</summary>
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<string>>(async connection =>
        {
            var rows = await connection.QueryAsync<(string Name, string Sealed)>(new CommandDefinition(
                "SELECT name, sealed FROM web_key_ring ORDER BY stored_at, name", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(row => Open(row.Name, row.Sealed)).ToList();
        }, cancellationToken);

    /// <summary>Adds one key; a key of the same name already stored (another node, a retried import) is left as it is.</summary>
    public Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(xml);
        return _database.QueryAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO web_key_ring (name, sealed, stored_at) VALUES (@name, @sealed, @at) ON CONFLICT (name) DO NOTHING",
            new { name, @sealed = Seal(name, xml), at = CustodyEntry.FormatTime(_database.Time.GetUtcNow()) }, cancellationToken: cancellationToken)), cancellationToken);
    }

    private string Seal(string name, string xml)
    {
        var plain = Encoding.UTF8.GetBytes(xml);
        var output = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealingKey, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes, plain.Length), output.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(name));
        return Convert.ToBase64String(output);
    }

    private string Open(string name, string text)
    {
        try
        {
            var data = Convert.FromBase64String(text);
            if (data.Length < NonceBytes + TagBytes) throw new CryptographicException($"{data.Length} bytes is too short");
            var plain = new byte[data.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(_sealingKey, TagBytes);
            aes.Decrypt(data.AsSpan(0, NonceBytes), data.AsSpan(NonceBytes, plain.Length), data.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(name));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            // The exception text names no key material; the row name is only an id.
            throw new CairnException($"web key ring: key '{UserText.Quote(name, 60)}' in table web_key_ring does not open with this node's installation-secret ({ex.GetType().Name}); copy the installation's installation-secret to this node", ex);
        }
    }
}
