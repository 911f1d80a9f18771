using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Legal.Requests;

/// <summary>
/// Interim persistence: one JSON file per request under &lt;data&gt;/legal/requests until the
/// Cairn.Storage database and custody log take over (see docs/legal.md, "Persistence").
/// Amounts are written as exact base-unit strings.
/// </summary>
public sealed class RequestFileStore
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new BigIntegerStringConverter() },
    };

    private readonly string _directory;

    public RequestFileStore(string dataDirectory) => _directory = Path.Combine(dataDirectory, "legal", "requests");

    public void Save(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(_directory);
        var path = PathOf(request.Id);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(request, JsonOptions));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A free id based on <paramref name="id"/> (adds -2, -3… when a request with that id exists).</summary>
    public string FreeId(string id)
    {
        var candidate = id;
        for (var n = 2; File.Exists(PathOf(candidate)); n++) candidate = $"{id}-{n.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }

    public LegalRequest Get(string id)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) throw new NotFoundException($"no request '{id}' in {_directory}");
        return JsonSerializer.Deserialize<LegalRequest>(File.ReadAllText(path), JsonOptions)
            ?? throw new CairnException($"request file {path} is empty");
    }

    public IReadOnlyList<LegalRequest> All() => !Directory.Exists(_directory)
        ? []
        : Directory.EnumerateFiles(_directory, "*.json").Order(StringComparer.Ordinal).Select(p => Get(Path.GetFileNameWithoutExtension(p))).ToList();

    private string PathOf(string id)
    {
        if (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || id.StartsWith('.'))
            throw new CairnException($"malformed request id '{id}': letters, digits, '-', '_' and '.' only");
        return Path.Combine(_directory, id + ".json");
    }

    private sealed class BigIntegerStringConverter : JsonConverter<BigInteger>
    {
        public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            BaseUnits.ParseInteger(reader.GetString() ?? "", "amount");

        public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
