using System.Security.Cryptography;
using System.Text;
using Cairn.Cases.Agencies;

namespace Cairn.Cases.Custody;

/// <summary>
/// What to write into the custody log: <see cref="Actor"/> did <see cref="Action"/>
/// (e.g. "case.create", "evidence.read") on the object <see cref="ObjectType"/>:<see cref="ObjectId"/>,
/// whose content then hashed to <see cref="ContentHash"/> (lowercase hex SHA-256, or empty).
/// </summary>
public sealed record CustodyRecord(Actor Actor, string Action, string ObjectType, string ObjectId, string ContentHash)
{
    /// <summary>Lowercase hex SHA-256 of <paramref name="content"/>.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="content"/>.</summary>
    public static string HashOf(string content) => HashOf(Encoding.UTF8.GetBytes(content));
}
