using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cairn.Cases.Custody;
using Cairn.Core;

namespace Cairn.Exchange.Matching;

/// <summary>
/// A published "do you know this identifier?" filter in the spirit of FIU.net Ma3tch: a Bloom
/// filter over HMAC-SHA256(salt, identifier), so no raw identifier leaves the publishing node.
/// A partner holding the file (delivered in an encrypted envelope) tests its own identifiers
/// locally and learns only hit / no hit, with the stated false-positive rate; details are asked
/// for with a request. Anyone holding the file can test identifiers they already know (that is
/// its purpose), so it is shared only with partners; the per-filter salt stops comparing filters
/// across publications or precomputing tables. See docs/exchange.md, "Private matching".
/// </summary>
public sealed class MatchFilter
{
    private static readonly byte[] Magic = "CAIRNMF1"u8.ToArray();
    private readonly ulong[] _words;

    private MatchFilter(MatchFilterParameters parameters, byte[] salt, ulong[] words, long count, string publisher, DateTimeOffset createdAt)
    {
        Parameters = parameters;
        Salt = salt;
        _words = words;
        Count = count;
        Publisher = publisher;
        CreatedAt = createdAt;
    }

    public MatchFilterParameters Parameters { get; }

    /// <summary>The secret HMAC key of this filter (32 random bytes).</summary>
    public byte[] Salt { get; }

    /// <summary>Distinct identifiers inserted.</summary>
    public long Count { get; }

    public string Publisher { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The false-positive rate this filter has with <see cref="Count"/> entries.</summary>
    public double ExpectedFalsePositiveRate => Parameters.ExpectedFalsePositiveRate(Count);

    public static MatchFilter Build(IEnumerable<string> identifiers, double falsePositiveRate, string publisher, DateTimeOffset createdAt, byte[]? salt = null)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in identifiers)
        {
            var normalized = IdentifierNormalizer.Normalize(identifier);
            if (normalized.Length > 0) distinct.Add(normalized);
        }
        var parameters = MatchFilterParameters.For(distinct.Count, falsePositiveRate);
        var key = salt ?? RandomNumberGenerator.GetBytes(32);
        var words = new ulong[parameters.Bits / 64];
        Span<long> positions = stackalloc long[parameters.HashCount];
        using var hasher = new KeyedHasher(key);
        foreach (var identifier in distinct)
        {
            hasher.Positions(identifier, parameters.Bits, positions);
            foreach (var position in positions) words[position >> 6] |= 1UL << (int)(position & 63);
        }
        return new MatchFilter(parameters, key, words, distinct.Count, publisher, createdAt);
    }

    public bool Contains(string identifier)
    {
        using var hasher = new KeyedHasher(Salt);
        return Contains(hasher, IdentifierNormalizer.Normalize(identifier));
    }

    /// <summary>
    /// HMAC-SHA256 under this filter's key of the normalised identifier, lowercase hex: how an answer names an identifier that hit
    /// without naming it (only the publisher, who holds the key and its own identifiers, can tell which one it is).
    /// </summary>
    public string KeyedHash(string identifier) => KeyedHash(Salt, identifier);

    /// <inheritdoc cref="KeyedHash(string)"/>
    public static string KeyedHash(byte[] key, string identifier)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(IdentifierNormalizer.Normalize(identifier))));
    }

    /// <summary>The identifiers among <paramref name="identifiers"/> that hit (each possibly a false positive at <see cref="ExpectedFalsePositiveRate"/>).</summary>
    public IReadOnlyList<string> Hits(IEnumerable<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        using var hasher = new KeyedHasher(Salt);
        var hits = new List<string>();
        foreach (var identifier in identifiers)
            if (Contains(hasher, IdentifierNormalizer.Normalize(identifier))) hits.Add(identifier);
        return hits;
    }

    /// <summary>
    /// File layout: "CAIRNMF1", u32 BE header length, header JSON (UTF-8), the bit array
    /// (m/8 bytes, bit i = byte i/8, bit i%8, little-endian words), SHA-256 of all preceding bytes.
    /// </summary>
    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["format"] = "cairn-match-filter/1",
            ["publisher"] = Publisher,
            ["created_at"] = CustodyEntry.FormatTime(CreatedAt),
            ["entries"] = Count,
            ["bits"] = Parameters.Bits,
            ["hash_functions"] = Parameters.HashCount,
            ["target_false_positive_rate"] = Parameters.TargetFalsePositiveRate,
            ["expected_false_positive_rate"] = ExpectedFalsePositiveRate,
            ["keyed_hash"] = "HMAC-SHA256(salt, normalized identifier UTF-8)",
            ["positions"] = "Kirsch-Mitzenmacher g_i = h1 + i*h2 mod bits; h1, h2 = MAC bytes 0-7, 8-15 big-endian, h2 |= 1",
            ["salt"] = Convert.ToBase64String(Salt),
        });
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Write(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(bytes);
            output.Write(bytes);
        }
        Write(Magic);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)header.Length);
        Write(length);
        Write(header);
        var bytes = new byte[_words.Length * 8];
        for (var i = 0; i < _words.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), _words[i]);
        Write(bytes);
        output.Write(hash.GetHashAndReset());
    }

    public static MatchFilter ReadFrom(byte[] file, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < Magic.Length + 4 + 32 || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CairnException($"{source} is not a Cairn match filter");
        if (!SHA256.HashData(file.AsSpan(0, file.Length - 32)).AsSpan().SequenceEqual(file.AsSpan(file.Length - 32)))
            throw new CairnException($"{source} is damaged: its checksum does not match");
        var headerLength = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(Magic.Length, 4));
        try
        {
            using var header = JsonDocument.Parse(file.AsMemory(Magic.Length + 4, headerLength));
            var root = header.RootElement;
            var bits = root.GetProperty("bits").GetInt64();
            var parameters = new MatchFilterParameters(root.GetProperty("entries").GetInt64(), bits, root.GetProperty("hash_functions").GetInt32(), root.GetProperty("target_false_positive_rate").GetDouble());
            var start = Magic.Length + 4 + headerLength;
            if (bits <= 0 || bits % 64 != 0 || file.Length - 32 - start != bits / 8 || parameters.HashCount is < 1 or > 64)
                throw new CairnException($"{source}: bit array size does not match its header");
            var words = new ulong[bits / 64];
            for (var i = 0; i < words.Length; i++) words[i] = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(start + i * 8, 8));
            return new MatchFilter(parameters, Convert.FromBase64String(root.GetProperty("salt").GetString()!), words, parameters.Capacity,
                root.GetProperty("publisher").GetString() ?? "", CustodyEntry.ParseTime(root.GetProperty("created_at").GetString()!));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new CairnException($"{source}: unreadable match filter header ({UserText.Quote(ex.Message, 200)})", ex);
        }
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    private bool Contains(KeyedHasher hasher, string normalized)
    {
        if (normalized.Length == 0) return false;
        Span<long> positions = stackalloc long[Parameters.HashCount];
        hasher.Positions(normalized, Parameters.Bits, positions);
        foreach (var position in positions)
            if ((_words[position >> 6] & (1UL << (int)(position & 63))) == 0) return false;
        return true;
    }
}
