using System.Security.Cryptography;
using System.Text;
using Cairn.Core;

namespace Cairn.Storage.Security;

/// <summary>
/// The installation's secret HMAC key, <c>installation-secret</c> (32 random bytes, base64) in the
/// data directory, created at first start with owner-only permissions. It keys the hashes written
/// where a value must be recognisable but never readable: the login typed at a failed sign-in
/// (which may be a password typed into the wrong field) and pseudonyms of subjects in exports.
/// HMAC-SHA256 (RFC 2104) with the purpose as a prefix, so one value hashed for two purposes
/// gives unrelated results. Nodes sharing a database must share the file (checked at start:
/// <see cref="InstallationKeyRegistry"/>).
/// </summary>
public sealed class InstallationSecret
{
    public const string FileName = "installation-secret";
    private const int KeyBytes = 32;

    private readonly byte[] _key;

    private InstallationSecret(byte[] key)
    {
        _key = key;
    }

    /// <summary>A key that lives as long as this process (databases opened without a data directory: tests).</summary>
    public static InstallationSecret Ephemeral() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>What the registry stores: the HMAC of a fixed label, which identifies the key without revealing it.</summary>
    public string Fingerprint => Mac("fingerprint", "cairn installation secret");

    /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="purpose"/> ‖ 0x0A ‖ <paramref name="text"/> (UTF-8).</summary>
    public string Mac(string purpose, string text)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + text)));
    }

    /// <summary>
    /// A 32-byte key for <paramref name="purpose"/> derived with HKDF-SHA256 (RFC 5869), so data
    /// sealed under it (the web key ring) is unreadable without this file and unrelated to the MACs.
    /// </summary>
    internal byte[] DeriveKey(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, KeyBytes, salt: [], info: Encoding.UTF8.GetBytes("cairn " + purpose));
    }

    public static InstallationSecret LoadOrCreate(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path)) return Load(path);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            // Another process may have created it meanwhile: keep theirs, so one key serves everything.
            File.Move(temporary, path, overwrite: false);
            return new InstallationSecret(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Load(path);
        }
    }

    private static InstallationSecret Load(string path)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (key.Length != KeyBytes) throw new FormatException($"expected {KeyBytes} bytes, found {key.Length}");
            return new InstallationSecret(key);
        }
        catch (FormatException ex)
        {
            throw new CairnException($"installation secret {path} is unreadable: {ex.Message}", ex);
        }
    }
}
