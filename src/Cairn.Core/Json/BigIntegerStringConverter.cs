using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Core.Json;

/// <summary>Exact amounts travel as decimal strings of base units; a JSON number is refused on reading (it may already have lost digits).</summary>
public sealed class BigIntegerStringConverter : JsonConverter<BigInteger>
{
    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? throw new JsonException("amounts must be strings of base units, e.g. \"12345678\"")
            : BaseUnits.ParseInteger(reader.GetString() ?? "", "amount");

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
