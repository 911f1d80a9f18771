using Cairn.Intel.Addresses;

namespace Cairn.Intel.Screening;

/// <summary>
/// Immutable in-memory index from normalised address to its hits, built from all tags and
/// sanctions (rebuild it when they change; readers keep the old one until swapped).
/// Layout: one flat hit array and, per address family, a hash map from the normalised string
/// to a (start, count) slice of it. Lookups take a span, lower-case into a stack buffer when
/// the family is case-insensitive, and probe with the map's span-keyed alternate lookup: no
/// allocation on the hot path.
/// Only validated addresses are indexed, so an exact key match is itself proof of a well-formed
/// address; checksums are computed only for misses (to tell "no hit" from "malformed") and for
/// mixed-case EVM input (EIP-55).
/// </summary>
public sealed class ScreeningIndex
{
    /// <summary>BIP-173 caps bech32 strings at 90 characters; base58 addresses are shorter.</summary>
    private const int MaxBitcoinLength = 90;
    private const int EvmLength = 42;

    private readonly ScreeningHit[] _hits;
    private readonly Dictionary<string, HitSlice> _bitcoin;
    private readonly Dictionary<string, HitSlice> _ethereum;
    private readonly Dictionary<string, HitSlice> _other;
    private readonly Dictionary<string, HitSlice>.AlternateLookup<ReadOnlySpan<char>> _bitcoinLookup;
    private readonly Dictionary<string, HitSlice>.AlternateLookup<ReadOnlySpan<char>> _ethereumLookup;
    private readonly Dictionary<string, HitSlice>.AlternateLookup<ReadOnlySpan<char>> _otherLookup;
    private readonly AddressNormalizer _normalizer;

    internal ScreeningIndex(ScreeningHit[] hits, Dictionary<string, HitSlice> bitcoin, Dictionary<string, HitSlice> ethereum,
        Dictionary<string, HitSlice> other, AddressNormalizer normalizer)
    {
        _hits = hits;
        _bitcoin = bitcoin;
        _ethereum = ethereum;
        _other = other;
        _bitcoinLookup = bitcoin.GetAlternateLookup<ReadOnlySpan<char>>();
        _ethereumLookup = ethereum.GetAlternateLookup<ReadOnlySpan<char>>();
        _otherLookup = other.GetAlternateLookup<ReadOnlySpan<char>>();
        _normalizer = normalizer;
    }

    /// <summary>An index with nothing in it.</summary>
    public static ScreeningIndex Empty { get; } = new([], [], [], [], AddressNormalizer.Default);

    /// <summary>Distinct normalised addresses indexed.</summary>
    public int AddressCount => _bitcoin.Count + _ethereum.Count + _other.Count;

    public int HitCount => _hits.Length;

    /// <summary>Every indexed address, for joining with other data (e.g. clusters).</summary>
    public IEnumerable<NormalizedAddress> Addresses =>
        _bitcoin.Keys.Select(k => new NormalizedAddress(AddressFamily.Bitcoin, k))
            .Concat(_ethereum.Keys.Select(k => new NormalizedAddress(AddressFamily.Ethereum, k)))
            .Concat(_other.Keys.Select(k => new NormalizedAddress(AddressFamily.Other, k)));

    /// <summary>The hits of an already-normalised address.</summary>
    public ReadOnlyMemory<ScreeningHit> HitsOf(NormalizedAddress address)
    {
        var map = address.Family switch
        {
            AddressFamily.Bitcoin => _bitcoin,
            AddressFamily.Ethereum => _ethereum,
            _ => _other,
        };
        return map.TryGetValue(address.Key, out var slice) ? Slice(slice) : ReadOnlyMemory<ScreeningHit>.Empty;
    }

    /// <summary>
    /// Screens one address. <paramref name="family"/> null detects it from the shape
    /// (0x… is EVM, a Bitcoin-looking string must be valid Bitcoin, anything else is matched as written).
    /// Allocation-free unless the address is malformed or mixed-case EVM.
    /// </summary>
    public ScreeningStatus Match(ReadOnlySpan<char> address, AddressFamily? family, out ReadOnlyMemory<ScreeningHit> hits, out AddressFamily matchedFamily)
    {
        hits = ReadOnlyMemory<ScreeningHit>.Empty;
        var input = address.Trim();
        matchedFamily = family ?? AddressFamily.Other;
        if (input.Length == 0) return ScreeningStatus.Malformed;

        if (family == AddressFamily.Ethereum || (family is null && input.Length >= 2 && input[0] == '0' && (input[1] == 'x' || input[1] == 'X')))
        {
            matchedFamily = AddressFamily.Ethereum;
            return MatchEvm(input, out hits);
        }
        if (family == AddressFamily.Other)
            return Found(_otherLookup, input, out hits) ? ScreeningStatus.Hit : ScreeningStatus.NoHit;

        matchedFamily = AddressFamily.Bitcoin;
        if (BitcoinAddressValidator.LooksLikeSegwit(input))
        {
            if (input.Length > MaxBitcoinLength) return ScreeningStatus.Malformed;
            Span<char> lower = stackalloc char[input.Length];
            if (!TryLowerUniformCase(input, lower)) return ScreeningStatus.Malformed; // BIP-173: mixed case is invalid
            if (Found(_bitcoinLookup, lower, out hits)) return ScreeningStatus.Hit;
            return IsValidBitcoin(input) ? ScreeningStatus.NoHit : ScreeningStatus.Malformed;
        }
        if (Found(_bitcoinLookup, input, out hits)) return ScreeningStatus.Hit;
        if (family is null)
        {
            if (Found(_otherLookup, input, out hits))
            {
                matchedFamily = AddressFamily.Other;
                return ScreeningStatus.Hit;
            }
            if (!LooksLikeBase58Bitcoin(input))
            {
                matchedFamily = AddressFamily.Other;
                return ScreeningStatus.NoHit;
            }
        }
        return IsValidBitcoin(input) ? ScreeningStatus.NoHit : ScreeningStatus.Malformed;
    }

    /// <summary>Why <paramref name="address"/> is malformed in <paramref name="family"/> (slow path, for reports).</summary>
    public string ExplainMalformed(string address, AddressFamily family)
    {
        ArgumentNullException.ThrowIfNull(address);
        var input = address.Trim();
        if (input.Length == 0) return "empty address";
        var validator = family == AddressFamily.Ethereum ? _normalizer.Ethereum : _normalizer.Bitcoin;
        return validator.IsValid(input, out var error) ? "malformed address" : error;
    }

    private ScreeningStatus MatchEvm(ReadOnlySpan<char> input, out ReadOnlyMemory<ScreeningHit> hits)
    {
        hits = ReadOnlyMemory<ScreeningHit>.Empty;
        if (input.Length != EvmLength || input[0] != '0' || input[1] != 'x') return ScreeningStatus.Malformed;
        Span<char> lower = stackalloc char[EvmLength];
        bool hasUpper = false, hasLower = false;
        for (var i = 0; i < EvmLength; i++)
        {
            var c = input[i];
            if (i >= 2)
            {
                if (!char.IsAsciiHexDigit(c)) return ScreeningStatus.Malformed;
                hasUpper |= char.IsAsciiLetterUpper(c);
                hasLower |= char.IsAsciiLetterLower(c);
            }
            lower[i] = (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0));
        }
        // EIP-55: a mixed-case address carries a checksum, and a wrong one means a mistyped address.
        if (hasUpper && hasLower && !_normalizer.Ethereum.IsValid(input.ToString(), out _)) return ScreeningStatus.Malformed;
        return Found(_ethereumLookup, lower, out hits) ? ScreeningStatus.Hit : ScreeningStatus.NoHit;
    }

    /// <summary>
    /// Checksum check for a miss. With the default validator (Cairn.Chains.Bitcoin's codec) it runs
    /// on the stack (<see cref="MainnetAddressCheck"/>, same answers); a custom validator is asked as given.
    /// </summary>
    private bool IsValidBitcoin(ReadOnlySpan<char> input) =>
        _normalizer.Bitcoin is BitcoinAddressValidator ? MainnetAddressCheck.IsValid(input) : _normalizer.Bitcoin.IsValid(input.ToString(), out _);

    private bool Found(Dictionary<string, HitSlice>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> key, out ReadOnlyMemory<ScreeningHit> hits)
    {
        if (lookup.TryGetValue(key, out var slice))
        {
            hits = Slice(slice);
            return true;
        }
        hits = ReadOnlyMemory<ScreeningHit>.Empty;
        return false;
    }

    private ReadOnlyMemory<ScreeningHit> Slice(HitSlice slice) => new(_hits, slice.Start, slice.Count);

    private static bool TryLowerUniformCase(ReadOnlySpan<char> input, Span<char> lower)
    {
        bool hasUpper = false, hasLower = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            hasUpper |= char.IsAsciiLetterUpper(c);
            hasLower |= char.IsAsciiLetterLower(c);
            lower[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }
        return !(hasUpper && hasLower);
    }

    /// <summary>P2PKH/P2SH shape: starts with 1 or 3, 25–35 base58 characters. Such strings must pass the Bitcoin check.</summary>
    private static bool LooksLikeBase58Bitcoin(ReadOnlySpan<char> input)
    {
        if (input.Length is < 25 or > 35 || (input[0] != '1' && input[0] != '3')) return false;
        foreach (var c in input)
            if (!char.IsAsciiLetterOrDigit(c) || c is '0' or 'O' or 'I' or 'l') return false;
        return true;
    }

    internal readonly record struct HitSlice(int Start, int Count);
}
