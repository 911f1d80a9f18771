using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Development.Generation;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// Turns seeds into fuzz cases, deterministically from one seed (<see cref="DeterministicRandom"/>):
/// the same seed gives the same cases on every machine, so any finding can be reproduced by its
/// case number. Byte mutations in the style of AFL's havoc stage (bit flips, interesting values,
/// deletions, duplications, insertions, truncation, splicing two seeds), stacked 1–4 deep; text
/// gets tokens of its format; JSON is also changed by structure.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7f, 0x80, 0xfc, 0xfd, 0xfe, 0xff];

    // Values that sit on boundaries of the integer types and of Bitcoin's CompactSize prefixes.
    private static readonly byte[][] InterestingWords =
    [
        [0xff, 0xff], [0x00, 0x80], [0xff, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0x7f], [0x00, 0x00, 0x00, 0x80],
        [0xfd, 0xff, 0xff], [0xfe, 0xff, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
        [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
    ];

    private static readonly string[] TextTokens =
    [
        "\0", "\r\n", "\n", "\t", " ", "\"", "'", "\\", "/", "..", "../", ":", ",", ";", "=", "%", "%00", "{", "}", "[", "]",
        "-1", "0", "1e309", "NaN", "99999999999999999999999999999999999999", "-9223372036854775809", "18446744073709551616",
        "0x", "0xzz", "bc1", "1", "3", "tb1", "ltc1", "T", "\u202e", "\ufeff", "\ud83d\ude00", "é", "İ", new string('A', 4096),
        new string('[', 5000), string.Concat(Enumerable.Repeat("{\"a\":", 2000)), new string('-', 3000),
    ];

    private static readonly string[] YamlTokens =
    [
        "---\n", "...\n", "- ", ": ", "? ", "&a ", "*a", "<<: *a\n", "!!str ", "!!binary ", "!!python/object:os.system ", "!custom ", "|\n", ">-\n",
        "{", "}", "[", "]", "#", "%YAML 1.1\n", "%TAG ! tag:x:\n", "~", "null", "yes", "no", "0o17", ".inf", "-.nan", "2001-02-30",
        "a: &a [*a, *a, *a]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n",
    ];

    private readonly DeterministicRandom _random;
    private readonly IReadOnlyList<byte[]> _seeds;
    private readonly FuzzInputKind _kind;

    public Mutator(IReadOnlyList<byte[]> seeds, FuzzInputKind kind, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        _seeds = seeds;
        _kind = kind;
        _random = new DeterministicRandom(seed);
    }

    /// <summary>The next case: an unchanged seed now and then, random bytes rarely, otherwise a seed mutated 1–4 times.</summary>
    public byte[] Next()
    {
        var roll = _random.Next(100);
        if (roll < 2) return (byte[])Pick().Clone();
        if (roll < 5) return RandomBytes(_random.Next(512));
        var input = Pick();
        var depth = 1 + _random.Next(4);
        for (var i = 0; i < depth; i++) input = Mutate(input);
        return input;
    }

    private byte[] Pick() => _seeds[_random.Next(_seeds.Count)];

    private byte[] Mutate(byte[] input)
    {
        if (_kind == FuzzInputKind.Json && _random.Chance(0.5) && TryMutateJson(input) is { } json) return json;
        if (_kind is FuzzInputKind.Json or FuzzInputKind.Yaml or FuzzInputKind.Text && _random.Chance(0.5)) return MutateText(input);
        return MutateBytes(input);
    }

    private byte[] MutateBytes(byte[] input)
    {
        var bytes = new List<byte>(input);
        switch (_random.Next(10))
        {
            case 0 when bytes.Count > 0:
                for (var n = 1 + _random.Next(8); n > 0; n--)
                {
                    var bit = _random.Next(bytes.Count * 8);
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                }
                break;
            case 1 when bytes.Count > 0:
                bytes[_random.Next(bytes.Count)] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2 when bytes.Count > 0:
            {
                var word = InterestingWords[_random.Next(InterestingWords.Length)];
                var at = _random.Next(bytes.Count);
                for (var i = 0; i < word.Length && at + i < bytes.Count; i++) bytes[at + i] = word[i];
                break;
            }
            case 3 when bytes.Count > 1:
            {
                var (start, length) = Range(bytes.Count);
                bytes.RemoveRange(start, length);
                break;
            }
            case 4 when bytes.Count > 0:
            {
                var (start, length) = Range(bytes.Count);
                bytes.InsertRange(_random.Next(bytes.Count + 1), bytes.GetRange(start, length));
                break;
            }
            case 5:
                bytes.InsertRange(_random.Next(bytes.Count + 1), RandomBytes(1 + _random.Next(32)));
                break;
            case 6 when bytes.Count > 0:
            {
                // Truncate: keep a random prefix.
                var keep = _random.Next(bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                break;
            }
            case 7:
            {
                var other = Pick();
                var cut = _random.Next(bytes.Count + 1);
                var from = _random.Next(other.Length + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                bytes.AddRange(other.AsSpan(from).ToArray());
                break;
            }
            case 8 when bytes.Count > 0:
            {
                var (start, length) = Range(bytes.Count);
                var fill = RandomBytes(length);
                for (var i = 0; i < length; i++) bytes[start + i] = fill[i];
                break;
            }
            default:
                bytes.Insert(_random.Next(bytes.Count + 1), InterestingBytes[_random.Next(InterestingBytes.Length)]);
                break;
        }
        return bytes.ToArray();
    }

    private byte[] MutateText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var tokens = _kind == FuzzInputKind.Yaml && _random.Chance(0.6) ? YamlTokens : TextTokens;
        var at = _random.Next(text.Length + 1);
        switch (_random.Next(5))
        {
            case 0:
                text = text.Insert(at, tokens[_random.Next(tokens.Length)]);
                break;
            case 1 when text.Length > 0:
            {
                var length = Math.Min(text.Length - Math.Min(at, text.Length - 1), 1 + _random.Next(16));
                var start = Math.Min(at, text.Length - 1);
                text = text.Remove(start, length).Insert(start, tokens[_random.Next(tokens.Length)]);
                break;
            }
            case 2:
            {
                // Duplicate or drop a line: repeated keys, missing fields.
                var lines = text.Split('\n').ToList();
                var line = _random.Next(lines.Count);
                if (_random.Chance(0.5)) lines.Insert(line, lines[line]);
                else lines.RemoveAt(line);
                text = string.Join('\n', lines);
                break;
            }
            case 3 when text.Length > 0:
                text = text[..at] + new string(text[_random.Next(text.Length)], 1 + _random.Next(200)) + text[at..];
                break;
            default:
                // Any code point below the surrogates: letters of every script, combining marks, controls of C1.
                text = text.Insert(at, char.ConvertFromUtf32(0x80 + _random.Next(0xD800 - 0x80)));
                break;
        }
        return Encoding.UTF8.GetBytes(text);
    }

    private byte[]? TryMutateJson(byte[] input)
    {
        // JsonNode materialises lazily: invalid UTF-8 inside a string (InvalidOperationException) or a
        // repeated property name (ArgumentException) only surfaces while walking the tree. Such an
        // input is still worth feeding to the parser, just not as a tree: mutate its bytes instead.
        try
        {
            return MutateJsonTree(input);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private byte[]? MutateJsonTree(byte[] input)
    {
        var root = JsonNode.Parse(input);
        if (root is null) return null;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[_random.Next(nodes.Count)];
        var replacement = StrangeValue();
        if (target.Parent is JsonObject parent)
        {
            var name = parent.First(p => ReferenceEquals(p.Value, target)).Key;
            if (_random.Chance(0.2)) parent.Remove(name);
            else parent[name] = replacement;
        }
        else if (target.Parent is JsonArray array)
        {
            var index = array.IndexOf(target);
            if (_random.Chance(0.2)) array.RemoveAt(index);
            else array[index] = replacement;
        }
        else
        {
            root = replacement;
        }
        if (root is JsonObject top && _random.Chance(0.2)) top["unexpected_" + _random.Next(100)] = StrangeValue();
        return Encoding.UTF8.GetBytes(root?.ToJsonString() ?? "null");
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        if (node is JsonObject obj) foreach (var (_, child) in obj) { if (child is not null) Collect(child, into); }
        else if (node is JsonArray array) foreach (var child in array) { if (child is not null) Collect(child, into); }
    }

    private JsonNode? StrangeValue() => _random.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(0),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(1e308),
        5 => JsonValue.Create(long.MaxValue),
        6 => JsonValue.Create(""),
        7 => JsonValue.Create(new string('x', 1 + _random.Next(100_000))),
        8 => JsonValue.Create("-99999999999999999999999999999"),
        9 => new JsonArray(),
        10 => new JsonObject(),
        11 => JsonValue.Create(new string('[', 300)),
        12 => JsonValue.Create("../../../etc/passwd"),
        13 => JsonValue.Create("\u0000\u001f\u202e"),
        14 => new JsonArray(Enumerable.Range(0, 1 + _random.Next(2000)).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        _ => JsonValue.Create(TextTokens[_random.Next(TextTokens.Length)]),
    };

    private (int Start, int Length) Range(int count)
    {
        var start = _random.Next(count);
        var length = 1 + _random.Next(Math.Min(count - start, 64));
        return (start, length);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.Fill(bytes);
        return bytes;
    }
}
