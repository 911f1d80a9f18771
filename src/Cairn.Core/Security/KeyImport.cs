using System.Security.Cryptography;

namespace Cairn.Core.Security;

/// <summary>Imports a public or private key into a fresh algorithm object, disposing it when the import fails.</summary>
public static class KeyImport
{
    /// <summary>
    /// Runs <paramref name="import"/> on <paramref name="key"/>. A named curve the platform's OpenSSL rejects throws
    /// <see cref="PlatformNotSupportedException"/> (found by the fuzz suite); it becomes a <see cref="CryptographicException"/>,
    /// the same failure as any unreadable key, so callers handle one exception type.
    /// </summary>
    public static T Into<T>(T key, Action<T> import) where T : AsymmetricAlgorithm
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(import);
        try
        {
            import(key);
            return key;
        }
        catch (PlatformNotSupportedException ex)
        {
            key.Dispose();
            throw new CryptographicException("the key's curve or its parameters are not supported", ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
