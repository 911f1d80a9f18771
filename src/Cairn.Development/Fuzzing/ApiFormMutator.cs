using System.Text;
using System.Text.Json.Nodes;
using Cairn.Development.Generation;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// Fuzz cases for an operation whose body is multipart/form-data (an evidence upload, a package to verify): the form's fields
/// come from the operation's OpenAPI schema (a <c>format: binary</c> string is a file), each case starts from a seed form the
/// server accepts and, most often, mutates one part (a file's bytes as binary, a text field as text, each with its own
/// <see cref="Mutator"/>); now and then it leaves a part out, adds one the form does not name, or sends a multipart body whose
/// framing itself is broken. Deterministic from the seed, as every other case.
/// </summary>
public sealed class ApiFormMutator
{
    private readonly IReadOnlyList<IReadOnlyList<ApiFormPart>> _seeds;
    private readonly Dictionary<string, Mutator> _mutators = new(StringComparer.Ordinal);
    private readonly Mutator _unknown;
    private readonly DeterministicRandom _random;

    public ApiFormMutator(IReadOnlyList<IReadOnlyList<ApiFormPart>> seeds, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) throw new ArgumentException("a form needs at least one seed", nameof(seeds));
        _seeds = seeds;
        _random = new DeterministicRandom(seed);
        foreach (var group in seeds.SelectMany(s => s).GroupBy(p => p.Name, StringComparer.Ordinal))
            _mutators[group.Key] = new Mutator([.. group.Select(p => p.Content)], group.First().IsFile ? FuzzInputKind.Binary : FuzzInputKind.Text, seed ^ Hash(group.Key));
        _unknown = new Mutator([.. seeds.SelectMany(s => s).Select(p => p.Content).Take(4)], FuzzInputKind.Binary, seed ^ 0xf0f0);
    }

    /// <summary>The form's parts from the OpenAPI schema of its multipart/form-data body (resolving <c>$ref</c> and <c>allOf</c>), each with a sample value.</summary>
    public static IReadOnlyList<ApiFormPart> SampleFrom(JsonNode schema, JsonObject? schemas)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<ApiFormPart>();
        Collect(schema, schemas, parts, 0);
        return parts;
    }

    private static void Collect(JsonNode? schema, JsonObject? schemas, List<ApiFormPart> parts, int depth)
    {
        if (schema is null || depth > 8) return;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            Collect(schemas?[reference.Split('/')[^1]], schemas, parts, depth + 1);
            return;
        }
        foreach (var inner in (schema["allOf"] as JsonArray ?? []).Concat(schema["anyOf"] as JsonArray ?? []))
            Collect(inner, schemas, parts, depth + 1);
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (parts.Any(p => p.Name == name)) continue;
            var resolved = property?["$ref"]?.GetValue<string>() is { } r ? schemas?[r.Split('/')[^1]] : property;
            var isFile = resolved?["format"]?.GetValue<string>() == "binary";
            parts.Add(new ApiFormPart(name, isFile, "x"u8.ToArray(), isFile ? "fuzz.bin" : null));
        }
    }

    /// <summary>The next case's parts, or null with <paramref name="raw"/> set: a body sent as it is (framing broken on purpose).</summary>
    public IReadOnlyList<ApiFormPart>? Next(out byte[]? raw)
    {
        raw = null;
        var parts = _seeds[_random.Next(_seeds.Count)].ToList();
        var roll = _random.Next(20);
        if (roll == 0 && parts.Count > 1) parts.RemoveAt(_random.Next(parts.Count));
        else if (roll == 1) parts.Add(new ApiFormPart("fuzz", _random.Chance(0.5), _unknown.Next(), "unknown.bin"));
        else if (roll == 2)
        {
            // A multipart body cut, spliced or bit-flipped as bytes: the form reader's own parsing is fuzzed.
            raw = _unknown.Next();
            return null;
        }
        else if (parts.Count > 0)
        {
            var index = _random.Next(parts.Count);
            parts[index] = parts[index] with { Content = _mutators[parts[index].Name].Next() };
            if (parts[index].IsFile && _random.Chance(0.1))
            {
                var name = _unknown.Next();
                parts[index] = parts[index] with { FileName = Encoding.UTF8.GetString(name.AsSpan(0, Math.Min(200, name.Length))) };
            }
        }
        return parts;
    }

    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
