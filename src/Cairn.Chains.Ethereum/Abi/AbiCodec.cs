using System.Numerics;
using Cairn.Chains.Ethereum.Crypto;
using Cairn.Chains.Ethereum.Encoding;

namespace Cairn.Chains.Ethereum.Abi;

/// <summary>
/// The small part of the Solidity contract ABI (docs.soliditylang.org, "Contract ABI
/// Specification") Cairn needs: function selectors, static words, strings and arrays of static
/// words in call data, and decoding of string/bytes32/uint return values.
/// </summary>
public static class AbiCodec
{
    /// <summary>The first 4 bytes of keccak256 of the canonical signature, e.g. "symbol()" → 0x95d89b41.</summary>
    public static byte[] Selector(string signature) => Keccak256.Hash(signature)[..4];

    public static byte[] Word(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "ABI words are unsigned here");
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 32) throw new ArgumentOutOfRangeException(nameof(value), "value exceeds 256 bits");
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    public static byte[] AddressWord(string address) => Word(Hex.ToUnsigned(EthAddress.ToBytes(address)));

    /// <summary>
    /// Encodes arguments after a selector (or after constructor bytecode when <paramref name="selector"/> is empty).
    /// Each argument is a <see cref="BigInteger"/>/int (uint), an address string ("0x" + 40 hex), a text
    /// string (dynamic), or an array of those static values (dynamic).
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> selector, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var head = new List<byte[]>();
        var tail = new List<byte>();
        var headSize = 32 * arguments.Length;
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case string text when text.Length == 42 && text.StartsWith("0x", StringComparison.Ordinal):
                    head.Add(AddressWord(text));
                    break;
                case string text:
                    head.Add(Word(headSize + tail.Count));
                    var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                    tail.AddRange(Word(bytes.Length));
                    tail.AddRange(bytes);
                    tail.AddRange(new byte[(32 - bytes.Length % 32) % 32]);
                    break;
                case System.Collections.IEnumerable items:
                    head.Add(Word(headSize + tail.Count));
                    var words = items.Cast<object>().Select(StaticWord).ToList();
                    tail.AddRange(Word(words.Count));
                    foreach (var word in words) tail.AddRange(word);
                    break;
                default:
                    head.Add(StaticWord(argument));
                    break;
            }
        }
        return [.. selector, .. head.SelectMany(w => w), .. tail];
    }

    /// <summary>Decodes a <c>string</c> return value; null when the data is not a well-formed ABI string.</summary>
    public static string? DecodeString(ReadOnlySpan<byte> data)
    {
        if (data.Length < 64) return null;
        var offset = Hex.ToUnsigned(data[..32]);
        if (offset > data.Length - 32) return null;
        var start = (int)offset;
        var length = Hex.ToUnsigned(data.Slice(start, 32));
        if (length > data.Length - start - 32) return null;
        return System.Text.Encoding.UTF8.GetString(data.Slice(start + 32, (int)length));
    }

    /// <summary>Decodes a <c>bytes32</c> text (early tokens' symbol/name): the bytes before the first zero, as UTF-8.</summary>
    public static string? DecodeBytes32Text(ReadOnlySpan<byte> data)
    {
        if (data.Length != 32) return null;
        var end = data.IndexOf((byte)0);
        var text = System.Text.Encoding.UTF8.GetString(end < 0 ? data : data[..end]);
        return text.Length == 0 || text.Any(char.IsControl) ? null : text;
    }

    public static BigInteger? DecodeUInt(ReadOnlySpan<byte> data) => data.Length < 32 ? null : Hex.ToUnsigned(data[..32]);

    private static byte[] StaticWord(object value) => value switch
    {
        BigInteger big => Word(big),
        int small => Word(small),
        long small => Word(small),
        string address => AddressWord(address),
        _ => throw new ArgumentException($"unsupported ABI argument {value.GetType().Name}", nameof(value)),
    };
}
