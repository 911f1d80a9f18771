using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>Hex decoding with a <see cref="CairnException"/> naming what was malformed.</summary>
public static class HexText
{
    public static byte[] Decode(ReadOnlySpan<char> hex, string what)
    {
        if (hex.Length % 2 != 0)
            throw new CairnException($"malformed {what}: odd number of hex digits ({hex.Length})");
        var bytes = new byte[hex.Length / 2];
        if (Convert.FromHexString(hex, bytes, out var consumed, out _) != System.Buffers.OperationStatus.Done)
            throw new CairnException($"malformed {what}: not a hex digit at character {consumed}");
        return bytes;
    }
}
