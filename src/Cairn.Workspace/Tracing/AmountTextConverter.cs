using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Workspace.Tracing;

/// <summary>An amount field kept as its exact digits: written as a string, read from a string or (for older clients) an integer number.</summary>
public sealed class AmountTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetDecimal(out var number) && decimal.Truncate(number) == number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException("amounts are strings of base units, e.g. \"12345678\""),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
