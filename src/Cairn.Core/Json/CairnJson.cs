using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Core.Json;

/// <summary>
/// The one JSON configuration of Cairn: what the CLI prints with <c>--json</c>, what the API
/// answers (ASP.NET's HttpJsonOptions are configured with <see cref="Configure"/>) and the JSON
/// files Cairn writes (saved trace reports). snake_case names and enum values, exact amounts as
/// strings of base units (DESIGN "Contracts": a JSON number loses digits past 2^53 in most
/// clients), and readable UTF-8: non-ASCII text is written as it is, not as \uXXXX escapes.
/// The relaxed encoder is safe here because no output of this configuration is embedded in HTML
/// (the web UI reads it with fetch and sets text, never innerHTML).
/// </summary>
public static class CairnJson
{
    /// <summary>The shared options (compact; <see cref="WriteIndented"/> indents for people without a second configuration).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    /// <summary>Applies Cairn's settings to <paramref name="options"/> (the API's serializer options, or a new object).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new BigIntegerStringConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Indented for people (the CLI's <c>--json</c>): the same options, the writer indents.</summary>
    public static string WriteIndented<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
            JsonSerializer.Serialize(writer, value, Options);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static T Deserialize<T>(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new CairnException($"{what}: empty JSON");
        }
        catch (JsonException ex)
        {
            throw new CairnException($"{what}: malformed JSON at {ex.Path ?? "$"}: {ex.Message.Split('.')[0]}", ex);
        }
    }
}
