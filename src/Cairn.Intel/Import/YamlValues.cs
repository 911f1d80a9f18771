using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cairn.Intel.Import;

/// <summary>
/// Reading typed values out of YamlDotNet nodes. Scalars are taken as written (so
/// <c>0xFA8E…</c> stays an address rather than becoming a number as in YAML 1.1 loaders) and
/// typed only where the schema says so. Failures throw <see cref="FormatException"/> with a
/// short reason; readers turn it into an <see cref="ImportIssue"/> at the node's line.
/// </summary>
internal static class YamlValues
{
    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>The scalar's text, or null for YAML null (<c>~</c>, <c>null</c>, empty plain scalar).</summary>
    public static string? Text(YamlNode node, string field)
    {
        if (node is not YamlScalarNode scalar) throw new FormatException($"'{field}' must be a single value, not a {Kind(node)}");
        return IsNull(scalar) ? null : scalar.Value;
    }

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>YAML 1.1/1.2 booleans as GraphSense writes them.</summary>
    public static bool? Boolean(YamlNode node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        return text.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => true,
            "FALSE" or "NO" or "OFF" => false,
            _ => throw new FormatException($"'{field}' must be true or false, found '{text}'"),
        };
    }

    /// <summary>A YAML date (<c>2021-11-12</c>) or timestamp; dates without an offset are UTC.</summary>
    public static DateTimeOffset? Timestamp(YamlNode node, string field)
    {
        var text = Text(node, field);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
            return value;
        throw new FormatException($"'{field}' is not a date: '{text}'");
    }

    /// <summary>A list of scalars; a single scalar is taken as a one-element list.</summary>
    public static IReadOnlyList<string> List(YamlNode node, string field)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                var items = new List<string>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    var text = Text(child, field);
                    if (text is not null) items.Add(text);
                }
                return items;
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : [scalar.Value!];
            default:
                throw new FormatException($"'{field}' must be a list, not a {Kind(node)}");
        }
    }

    /// <summary>Text, or for a mapping/sequence its compact JSON (GraphSense context fields hold JSON text).</summary>
    public static string? TextOrJson(YamlNode node, string field) =>
        node is YamlScalarNode ? Text(node, field) : ToJson(node);

    /// <summary>Converts a YAML tree to compact JSON: plain scalars that read as numbers, booleans or null keep that type.</summary>
    public static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(writer, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJson(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    // JSON names are text: a mapping or list used as a YAML key (`? {a: b}`) has no JSON form.
                    if (key is not YamlScalarNode { Value: var name } || name is null) throw new FormatException($"a field name inside JSON context must be text, not a {Kind(key)}");
                    writer.WritePropertyName(name);
                    WriteJson(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var child in sequence.Children) WriteJson(writer, child);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
            return;
        }
        if (IsNull(scalar)) writer.WriteNullValue();
        else if (text is "true" or "True" or "TRUE") writer.WriteBooleanValue(true);
        else if (text is "false" or "False" or "FALSE") writer.WriteBooleanValue(false);
        else if (IsJsonNumber(text)) writer.WriteRawValue(text);
        else writer.WriteStringValue(text);
    }

    /// <summary>Integers and decimals without leading zeros (so "01" or "0x1f" stay strings).</summary>
    private static bool IsJsonNumber(string text)
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0' && digits[1] != '.')) return false;
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? "0" : digits[(dot + 1)..];
        return whole.Length > 0 && whole.All(char.IsAsciiDigit) && fraction.Length > 0 && fraction.All(char.IsAsciiDigit);
    }

    internal static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}
