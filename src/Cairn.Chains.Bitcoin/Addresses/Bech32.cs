namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Bech32 (BIP173) and bech32m (BIP350) strings and the segwit addresses built on them.
/// Encoding writes into spans so <see cref="AddressCodec.FromScript"/> allocates only its result.
/// </summary>
public static class Bech32
{
    /// <summary>BIP173: a bech32 string is at most 90 characters.</summary>
    public const int MaxLength = 90;

    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    private static readonly sbyte[] CharsetValues = BuildCharsetValues();

    /// <summary>Encodes a witness program as a segwit address: bech32 for version 0, bech32m otherwise (BIP350).</summary>
    public static string EncodeSegwitAddress(string hrp, int witnessVersion, ReadOnlySpan<byte> program)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        Span<char> buffer = stackalloc char[MaxLength + 20];
        var written = EncodeSegwitAddress(hrp, witnessVersion, program, buffer);
        return new string(buffer[..written]);
    }

    internal static int EncodeSegwitAddress(ReadOnlySpan<char> hrp, int witnessVersion, ReadOnlySpan<byte> program, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(witnessVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(witnessVersion, 16);
        Span<byte> data = stackalloc byte[1 + (program.Length * 8 + 4) / 5];
        data[0] = (byte)witnessVersion;
        var length = 1 + ConvertBits(program, 8, 5, pad: true, data[1..]);
        return Encode(hrp, data[..length], witnessVersion == 0 ? Bech32Variant.Bech32 : Bech32Variant.Bech32m, destination);
    }

    /// <summary>Encodes 5-bit values <paramref name="data"/> with <paramref name="hrp"/> and a checksum of <paramref name="variant"/>.</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> data, Bech32Variant variant)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        var buffer = new char[hrp.Length + 1 + data.Length + 6];
        var written = Encode(hrp, data, variant, buffer);
        return new string(buffer, 0, written);
    }

    internal static int Encode(ReadOnlySpan<char> hrp, ReadOnlySpan<byte> data, Bech32Variant variant, Span<char> destination)
    {
        var checksum = Polymod(hrp, data, checksumPadding: true) ^ Constant(variant);
        var position = 0;
        foreach (var c in hrp) destination[position++] = char.ToLowerInvariant(c);
        destination[position++] = '1';
        foreach (var value in data) destination[position++] = Charset[value];
        for (var i = 0; i < 6; i++) destination[position++] = Charset[(int)((checksum >> (5 * (5 - i))) & 31)];
        return position;
    }

    /// <summary>
    /// Decodes a bech32/bech32m string into its lower-case human-readable part and 5-bit data
    /// (checksum removed). On failure <paramref name="error"/> says why, for one-line messages.
    /// </summary>
    public static bool TryDecode(string text, out string hrp, out byte[] data, out Bech32Variant variant, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        hrp = "";
        data = [];
        variant = default;
        if (text.Length > MaxLength) return Fail(out error, $"longer than {MaxLength} characters");
        bool hasLower = false, hasUpper = false;
        foreach (var c in text)
        {
            if (c < 33 || c > 126) return Fail(out error, "invalid character");
            hasLower |= char.IsAsciiLetterLower(c);
            hasUpper |= char.IsAsciiLetterUpper(c);
        }
        if (hasLower && hasUpper) return Fail(out error, "mixed case");
        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1) return Fail(out error, "missing human-readable part");
        if (separator + 7 > lower.Length) return Fail(out error, "too short for a checksum");
        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var c = lower[separator + 1 + i];
            var value = c < 128 ? CharsetValues[c] : -1;
            if (value < 0) return Fail(out error, $"invalid character '{c}'");
            values[i] = (byte)value;
        }
        var hrpPart = lower.AsSpan(0, separator);
        var residue = Polymod(hrpPart, values, checksumPadding: false);
        if (residue == Bech32Constant) variant = Bech32Variant.Bech32;
        else if (residue == Bech32mConstant) variant = Bech32Variant.Bech32m;
        else return Fail(out error, "bad checksum");
        hrp = hrpPart.ToString();
        data = values[..^6];
        error = "";
        return true;
    }

    /// <summary>
    /// Decodes a segwit address (BIP173 + BIP350 rules): version 0..16, program 2..40 bytes,
    /// version 0 only with 20- or 32-byte programs and the bech32 checksum, version 1+ only with bech32m.
    /// </summary>
    public static bool TryDecodeSegwitAddress(string address, out string hrp, out int witnessVersion, out byte[] program, out string error)
    {
        witnessVersion = -1;
        program = [];
        if (!TryDecode(address, out hrp, out var data, out var variant, out error)) return false;
        if (data.Length == 0) return Fail(out error, "no witness version");
        witnessVersion = data[0];
        if (witnessVersion > 16) return Fail(out error, $"invalid witness version {witnessVersion}");
        var bytes = new byte[(data.Length - 1) * 5 / 8];
        var length = ConvertBits(data.AsSpan(1), 5, 8, pad: false, bytes);
        if (length < 0) return Fail(out error, "invalid padding");
        if (length < 2 || length > 40) return Fail(out error, $"witness program of {length} bytes");
        if (witnessVersion == 0 && length != 20 && length != 32) return Fail(out error, $"version 0 witness program of {length} bytes");
        var expected = witnessVersion == 0 ? Bech32Variant.Bech32 : Bech32Variant.Bech32m;
        if (variant != expected) return Fail(out error, $"witness version {witnessVersion} needs {expected} checksum, found {variant}");
        program = bytes[..length];
        return true;
    }

    /// <summary>Regroups bits (BIP173 convertbits). Returns the count written, or -1 when unpadded input leaves non-zero bits.</summary>
    internal static int ConvertBits(ReadOnlySpan<byte> input, int fromBits, int toBits, bool pad, Span<byte> output)
    {
        var accumulator = 0;
        var bits = 0;
        var position = 0;
        var maxValue = (1 << toBits) - 1;
        foreach (var value in input)
        {
            accumulator = (accumulator << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                output[position++] = (byte)((accumulator >> bits) & maxValue);
            }
        }
        if (pad)
        {
            if (bits > 0) output[position++] = (byte)((accumulator << (toBits - bits)) & maxValue);
        }
        else if (bits >= fromBits || ((accumulator << (toBits - bits)) & maxValue) != 0)
        {
            return -1;
        }
        return position;
    }

    private static uint Constant(Bech32Variant variant) => variant == Bech32Variant.Bech32m ? Bech32mConstant : Bech32Constant;

    // BIP173 polymod over the expanded hrp, the data and (when encoding) six zero values.
    private static uint Polymod(ReadOnlySpan<char> hrp, ReadOnlySpan<byte> data, bool checksumPadding)
    {
        uint checksum = 1;
        foreach (var c in hrp) checksum = Step(checksum, (uint)char.ToLowerInvariant(c) >> 5);
        checksum = Step(checksum, 0);
        foreach (var c in hrp) checksum = Step(checksum, (uint)char.ToLowerInvariant(c) & 31);
        foreach (var value in data) checksum = Step(checksum, value);
        if (checksumPadding)
        {
            for (var i = 0; i < 6; i++) checksum = Step(checksum, 0);
        }
        return checksum;
    }

    /// <summary>One step of the BIP173 checksum polymod (shared with allocation-free checkers elsewhere).</summary>
    public static uint Step(uint checksum, uint value) => ((checksum & 0x1ffffff) << 5) ^ value ^ GeneratorXor[(int)(checksum >> 25)];

    /// <summary>
    /// Per value of the checksum's top 5 bits, the XOR of BIP173's generators for the bits set
    /// (bit i selects GEN[i]): one table load instead of five data-dependent branches, which an
    /// address's random bits made the CPU mispredict about half the time.
    /// </summary>
    private static readonly uint[] GeneratorXor = BuildGeneratorXor();

    private static uint[] BuildGeneratorXor()
    {
        uint[] generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        var table = new uint[32];
        for (var top = 0; top < 32; top++)
            for (var bit = 0; bit < 5; bit++)
                if ((top & (1 << bit)) != 0) table[top] ^= generators[bit];
        return table;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }

    private static sbyte[] BuildCharsetValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Charset.Length; i++) values[Charset[i]] = (sbyte)i;
        return values;
    }
}
