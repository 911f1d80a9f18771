namespace Cairn.Chains.Bitcoin;

/// <summary>Bitcoin's variable-length integer ("CompactSize", serialize.h): 1, 3, 5 or 9 bytes.</summary>
public static class CompactSize
{
    public static int SizeOf(ulong value) => value switch
    {
        < 0xfd => 1,
        <= ushort.MaxValue => 3,
        <= uint.MaxValue => 5,
        _ => 9,
    };

    /// <summary>Size of a length-prefixed byte string of <paramref name="length"/> bytes.</summary>
    public static int SizeOfVarBytes(int length) => SizeOf((ulong)length) + length;
}
