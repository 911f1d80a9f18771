using System.Text.Json;
using Cairn.Core;

namespace Cairn.Exchange.Ivms101;

/// <summary>
/// A JSON value inside an IVMS101 payload with its JSONPath, for error messages that say where.
/// Keys are matched after dropping case, underscores and hyphens, so one name covers the
/// standard's camelCase, protobuf-JSON's snake_case (TRISA) and CODE's PascalCase entities.
/// </summary>
internal readonly record struct Ivms101Node(JsonElement Value, string Path, string Source)
{
    public JsonValueKind Kind => Value.ValueKind;

    /// <summary>"originator_persons" → "originatorpersons".</summary>
    public static string Normalize(string key) =>
        string.Concat(key.Where(c => c != '_' && c != '-')).ToLowerInvariant();

    /// <summary>The first property whose normalised name is one of <paramref name="names"/> (given normalised), or null.</summary>
    public Ivms101Node? Get(params string[] names)
    {
        if (Value.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in Value.EnumerateObject())
            if (names.Contains(Normalize(property.Name), StringComparer.Ordinal))
                return new Ivms101Node(property.Value, $"{Path}.{property.Name}", Source);
        return null;
    }

    /// <summary>A non-empty string property, or null.</summary>
    public string? Text(params string[] names) =>
        Get(names) is { Kind: JsonValueKind.String } text && text.Value.GetString() is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>An IVMS101 code, without the protobuf enum prefix ("NATURAL_PERSON_NAME_TYPE_CODE_LEGL" → "LEGL").</summary>
    public string? Code(params string[] names) => Text(names) is { } code ? code[(code.LastIndexOf('_') + 1)..].ToUpperInvariant() : null;

    /// <summary>This value as a list: an array's items, a single object or string as one item, null/absent as none.</summary>
    public IEnumerable<Ivms101Node> Items()
    {
        if (Value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in Value.EnumerateArray())
                yield return new Ivms101Node(item, $"{Path}[{index++}]", Source);
        }
        else if (Value.ValueKind is JsonValueKind.Object or JsonValueKind.String) yield return this;
    }

    public Ivms101Node RequireObject()
    {
        if (Value.ValueKind != JsonValueKind.Object)
            throw Invalid($"{Path} must be an object, not {Describe(Value.ValueKind)}");
        return this;
    }

    public CairnException Invalid(string detail) => new($"{Source} is not a valid IVMS101 identity payload: {detail}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
