using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;

namespace Cairn.Intel.Screening;

/// <summary>
/// Allocation-free validity check of a Bitcoin mainnet address, for the screening miss path (a
/// well-formed unlisted address must be told from a malformed one). It accepts exactly what
/// <c>Cairn.Chains.Bitcoin.AddressCodec.TryDecode(address, Network.Main)</c> accepts (a test
/// compares the two on real and mutated addresses), working on spans and the stack:
/// <list type="bullet">
/// <item>bech32/bech32m with hrp <c>bc</c> (BIP-173, BIP-350): ≤ 90 characters of 33–126, one
/// case, data characters in the charset, checksum constant 1 (bech32) or 0x2bc830a3 (bech32m);
/// witness version ≤ 16, program 2–40 bytes, version 0 only 20 or 32 bytes with bech32, later
/// versions with bech32m; no leftover padding bits.</item>
/// <item>base58check (P2PKH 0x00, P2SH 0x05): decodes to exactly 25 bytes, the last 4 the first 4
/// of the double SHA-256 of the first 21.</item>
/// </list>
/// Strings whose part before the last '1' is another network's hrp (tb, bcrt) are not mainnet.
/// </summary>
internal static class MainnetAddressCheck
{
    private const int MaxBech32Length = 90;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int Base58CheckLength = 25;

    private static readonly sbyte[] Base58Values = Values(Base58Alphabet, caseSensitive: true);
    private static readonly sbyte[] Bech32Values = Values(Bech32Charset, caseSensitive: false);

    public static bool IsValid(ReadOnlySpan<char> address)
    {
        var separator = address.LastIndexOf('1');
        if (separator > 0)
        {
            var hrp = address[..separator];
            if (hrp.Equals("bc", StringComparison.OrdinalIgnoreCase)) return IsValidSegwit(address, separator);
            if (hrp.Equals("tb", StringComparison.OrdinalIgnoreCase) || hrp.Equals("bcrt", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return IsValidBase58Check(address);
    }

    private static bool IsValidSegwit(ReadOnlySpan<char> address, int separator)
    {
        if (address.Length > MaxBech32Length) return false;
        bool hasLower = false, hasUpper = false;
        foreach (var c in address)
        {
            if (c < 33 || c > 126) return false;
            hasLower |= char.IsAsciiLetterLower(c);
            hasUpper |= char.IsAsciiLetterUpper(c);
        }
        if ((hasLower && hasUpper) || separator + 7 > address.Length) return false;
        var dataLength = address.Length - separator - 1;
        Span<byte> data = stackalloc byte[MaxBech32Length];
        for (var i = 0; i < dataLength; i++)
        {
            var value = Bech32Values[address[separator + 1 + i]];
            if (value < 0) return false;
            data[i] = (byte)value;
        }
        // BIP-173 polymod over the expanded hrp ("bc") and the data.
        uint checksum = 1;
        foreach (var c in "bc") checksum = Bech32.Step(checksum, (uint)c >> 5);
        checksum = Bech32.Step(checksum, 0);
        foreach (var c in "bc") checksum = Bech32.Step(checksum, (uint)c & 31);
        for (var i = 0; i < dataLength; i++) checksum = Bech32.Step(checksum, data[i]);
        var isBech32m = checksum == Bech32mConstant;
        if (checksum != Bech32Constant && !isBech32m) return false;

        var payload = data[..(dataLength - 6)];
        if (payload.Length == 0) return false;
        var version = payload[0];
        if (version > 16) return false;
        var length = ProgramLength(payload[1..]);
        if (length is < 2 or > 40) return false;
        if (version == 0 && length != 20 && length != 32) return false;
        return version == 0 ? !isBech32m : isBech32m;
    }

    /// <summary>Bytes of the witness program in 5-bit groups (BIP-173 convertbits without padding), or -1 when padding bits are left.</summary>
    private static int ProgramLength(ReadOnlySpan<byte> fiveBit)
    {
        int accumulator = 0, bits = 0, count = 0;
        foreach (var value in fiveBit)
        {
            accumulator = ((accumulator << 5) | value) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                count++;
            }
        }
        return bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0 ? -1 : count;
    }

    private static bool IsValidBase58Check(ReadOnlySpan<char> address)
    {
        var zeros = 0;
        while (zeros < address.Length && address[zeros] == '1') zeros++;
        Span<byte> number = stackalloc byte[Base58CheckLength];
        number.Clear();
        foreach (var c in address)
        {
            var digit = c < 128 ? Base58Values[c] : -1;
            if (digit < 0) return false;
            var carry = digit;
            for (var i = Base58CheckLength - 1; i >= 0; i--)
            {
                carry += number[i] * 58;
                number[i] = (byte)carry;
                carry >>= 8;
            }
            if (carry != 0) return false; // more than 25 bytes: not an address
        }
        var leadingZeroBytes = number.IndexOfAnyExcept((byte)0);
        if (leadingZeroBytes < 0) leadingZeroBytes = Base58CheckLength;
        // Base58: each leading '1' is one zero byte, the rest is the number; together exactly 25 bytes.
        if (leadingZeroBytes != zeros) return false;
        if (number[0] is not (0x00 or 0x05)) return false;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(number[..21], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(number[21..]);
    }

    private static sbyte[] Values(string alphabet, bool caseSensitive)
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < alphabet.Length; i++)
        {
            values[alphabet[i]] = (sbyte)i;
            if (!caseSensitive) values[char.ToUpperInvariant(alphabet[i])] = (sbyte)i;
        }
        return values;
    }
}
