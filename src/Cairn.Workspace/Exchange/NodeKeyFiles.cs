using System.Security.Cryptography;
using Cairn.Core;
using Cairn.Exchange.Nodes;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// The node identity in the data directory: <c>exchange-node.json</c> (public card),
/// <c>exchange-signing-key.pem</c> and <c>exchange-encryption-key.pem</c> (PKCS#8, owner-only),
/// each written to a temporary file and renamed, as Cairn.Storage's CustodyKeyFile does.
/// Never in the database, never logged.
/// </summary>
public static class NodeKeyFiles
{
    public const string CardFile = "exchange-node.json";
    public const string SigningKeyFile = "exchange-signing-key.pem";
    public const string EncryptionKeyFile = "exchange-encryption-key.pem";

    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, CardFile));

    /// <summary>Creates the node identity; refuses to replace an existing one (partners have registered its keys).</summary>
    public static NodeIdentity Create(string dataDirectory, string nodeId, string name, string agency, string country, string endpoint)
    {
        Directory.CreateDirectory(dataDirectory);
        if (Exists(dataDirectory))
            throw new CairnException($"{Path.Combine(dataDirectory, CardFile)} exists: this data directory is already node '{Load(dataDirectory).NodeId}'");
        var identity = NodeIdentity.Create(nodeId, name, agency, country, endpoint);
        WriteSecret(Path.Combine(dataDirectory, SigningKeyFile), identity.ExportSigningKeyPem());
        WriteSecret(Path.Combine(dataDirectory, EncryptionKeyFile), identity.ExportEncryptionKeyPem());
        WriteSecret(Path.Combine(dataDirectory, CardFile), identity.Card.ToJson());
        return identity;
    }

    /// <summary>Loads the node identity; throws <see cref="CairnException"/> telling the user to run <c>cairn exchange node init</c> when there is none.</summary>
    public static NodeIdentity Load(string dataDirectory)
    {
        var cardPath = Path.Combine(dataDirectory, CardFile);
        if (!File.Exists(cardPath))
            throw new CairnException($"no exchange node in {dataDirectory}: run 'cairn exchange node init' first");
        var card = NodeCard.Parse(File.ReadAllText(cardPath), cardPath);
        try
        {
            return NodeIdentity.FromPem(card,
                File.ReadAllText(Path.Combine(dataDirectory, SigningKeyFile)),
                File.ReadAllText(Path.Combine(dataDirectory, EncryptionKeyFile)));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or CryptographicException)
        {
            throw new CairnException($"exchange node keys in {dataDirectory} are unreadable: {ex.Message}", ex);
        }
    }

    private static void WriteSecret(string path, string text)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: false);
    }
}
