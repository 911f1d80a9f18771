namespace Cairn.Chains;

/// <summary>Hex checks on spans.</summary>
internal static class SpanHex
{
    public static bool ContainsOnlyHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
