using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cairn.Workspace.Administration;

/// <summary>
/// Password hashes in the format of ASP.NET Core Identity's PasswordHasher, version 3, so every
/// hash stored before this class existed still verifies: one byte 0x01, then big-endian uint32s for
/// the PRF (2 = HMAC-SHA512), the iteration count and the salt length, then the salt and the
/// PBKDF2 subkey (RFC 8018 §5.2). 100,000 iterations, 128-bit salt, 256-bit subkey, as Identity
/// uses since .NET 7.
/// </summary>
public static class PasswordHashing
{
    private const byte FormatMarker = 0x01;
    private const uint HmacSha512 = 2;
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int SubkeyBytes = 32;

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, SubkeyBytes);
        var output = new byte[13 + salt.Length + subkey.Length];
        output[0] = FormatMarker;
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), HmacSha512);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(5), Iterations);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(9), SaltBytes);
        salt.CopyTo(output, 13);
        subkey.CopyTo(output, 13 + salt.Length);
        return Convert.ToBase64String(output);
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>; false for any malformed hash.</summary>
    public static bool Verify(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        byte[] decoded;
        try { decoded = Convert.FromBase64String(hash ?? ""); }
        catch (FormatException) { return false; }
        if (decoded.Length < 13 || decoded[0] != FormatMarker) return false;
        var prf = BinaryPrimitives.ReadUInt32BigEndian(decoded.AsSpan(1));
        var iterations = (int)BinaryPrimitives.ReadUInt32BigEndian(decoded.AsSpan(5));
        var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(decoded.AsSpan(9));
        var algorithm = prf switch { 0 => HashAlgorithmName.SHA1, 1 => HashAlgorithmName.SHA256, 2 => HashAlgorithmName.SHA512, _ => default };
        if (algorithm == default || iterations < 1 || saltLength < 16 || decoded.Length - 13 - saltLength < 16) return false;
        var salt = decoded.AsSpan(13, saltLength);
        var expected = decoded.AsSpan(13 + saltLength);
        var actual = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(password), salt, iterations, algorithm, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
