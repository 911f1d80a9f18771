namespace Cairn.Exchange.Nodes;

/// <summary>Base64url without padding (RFC 7515 §2, RFC 4648 §5), as JOSE writes binary values.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes, or throws <see cref="FormatException"/> on characters outside the alphabet or padding.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('=', StringComparison.Ordinal) || !System.Buffers.Text.Base64Url.IsValid(text))
            throw new FormatException("not base64url");
        return System.Buffers.Text.Base64Url.DecodeFromChars(text);
    }
}
