using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Legal.Requests;

/// <summary>
/// The JSON form of requests and trace findings, shared by the database body, `--format json`
/// renderings and the CLI: snake_case names and enums, and amounts as exact base-unit strings
/// (a BigInteger never goes through a double).
/// </summary>
public static class LegalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new BigIntegerStringConverter() },
    };

    private sealed class BigIntegerStringConverter : JsonConverter<BigInteger>
    {
        public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            BaseUnits.ParseInteger(reader.GetString() ?? "", "amount");

        public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
