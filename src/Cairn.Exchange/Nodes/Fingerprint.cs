using System.Security.Cryptography;
using System.Text;

namespace Cairn.Exchange.Nodes;

/// <summary>
/// A key's fingerprint: SHA-256 of its DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), shown as
/// upper-case hex in groups of four so two officers can read it to each other over the phone
/// when they register each other's nodes out of band.
/// </summary>
public static class Fingerprint
{
    public static string Of(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var hex = Convert.ToHexString(SHA256.HashData(subjectPublicKeyInfo));
        var grouped = new StringBuilder(hex.Length + hex.Length / 4);
        for (var i = 0; i < hex.Length; i += 4)
        {
            if (i > 0) grouped.Append(' ');
            grouped.Append(hex, i, 4);
        }
        return grouped.ToString();
    }
}
