using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cairn.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cairn.Intel.Tests.Export;

/// <summary>
/// GraphSense's own TagPack schema (graphsense-lib <c>tagpack/conf/tagpack_schema.yaml</c> and the
/// taxonomies in <c>tagpack/db</c>, ../shared/data) turned mechanically into a JSON Schema
/// (draft 2020-12), so a generic validator checks Cairn's exports against GraphSense's rules rather
/// than against Cairn's reading of them: field types (text, boolean, datetime, list), mandatory
/// fields (a mandatory tag field may come from the header, which tags inherit), no unknown fields,
/// and taxonomy values (confidence, concept, tag_type).
/// </summary>
internal static partial class GraphSenseTagPackSchema
{
    private static readonly Lazy<string> Built = new(Build);

    public static string Json => Built.Value;

    /// <summary>A YAML document as JSON the way a YAML 1.1 loader types it: plain true/false and numbers typed, everything else a string.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is "true" or "false" => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when NumberPattern().IsMatch(scalar.Value ?? "") => JsonValue.Create(decimal.Parse(scalar.Value!, System.Globalization.CultureInfo.InvariantCulture)),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "null" or "~" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode);
    }

    private static string Build()
    {
        var definition = (YamlMappingNode)Load(SharedData.PathOf("graphsense-lib", "tagpack", "conf", "tagpack_schema.yaml"));
        var headerFields = (YamlMappingNode)definition["header"];
        var tagFields = (YamlMappingNode)definition["tag"];
        var tagProperties = new JsonObject(tagFields.Children.Select(f => KeyValuePair.Create(Name(f.Key), (JsonNode?)Field((YamlMappingNode)f.Value))));
        var tagSchema = new JsonObject { ["type"] = "object", ["properties"] = tagProperties, ["additionalProperties"] = false };

        var headerProperties = new JsonObject();
        foreach (var (key, value) in headerFields.Children)
            headerProperties[Name(key)] = Name(key) == "tags" ? new JsonObject { ["type"] = "array", ["items"] = tagSchema.DeepClone() } : Field((YamlMappingNode)value);
        // Header fields that are tag fields are inherited by the tags (GraphSense's TagPack documentation).
        foreach (var (name, schema) in tagProperties) headerProperties[name] ??= schema!.DeepClone();
        var mandatoryTagFields = tagFields.Children.Where(f => IsMandatory((YamlMappingNode)f.Value)).Select(f => Name(f.Key)).ToList();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "GraphSense TagPack (derived from graphsense-lib tagpack_schema.yaml)",
            ["type"] = "object",
            ["properties"] = headerProperties,
            ["additionalProperties"] = false,
            ["required"] = new JsonArray(headerFields.Children.Where(f => IsMandatory((YamlMappingNode)f.Value)).Select(f => (JsonNode)Name(f.Key)).ToArray()),
            ["allOf"] = new JsonArray(mandatoryTagFields.Select(f => (JsonNode)new JsonObject
            {
                ["if"] = new JsonObject { ["not"] = new JsonObject { ["required"] = new JsonArray(f) } },
                ["then"] = new JsonObject { ["properties"] = new JsonObject { ["tags"] = new JsonObject { ["items"] = new JsonObject { ["required"] = new JsonArray(f) } } } },
            }).ToArray()),
        };
        return root.ToJsonString();
    }

    private static JsonNode Field(YamlMappingNode field)
    {
        var type = ((YamlScalarNode)field["type"]).Value;
        var taxonomy = field.Children.TryGetValue("taxonomy", out var t) ? t is YamlSequenceNode s ? ((YamlScalarNode)s.Children[0]).Value : ((YamlScalarNode)t).Value : null;
        JsonObject Scalar(string? kind) => kind switch
        {
            "text" => taxonomy is null ? new JsonObject { ["type"] = "string" } : new JsonObject { ["enum"] = new JsonArray(Taxonomy(taxonomy).Select(v => (JsonNode)v).ToArray()) },
            "boolean" => new JsonObject { ["type"] = "boolean" },
            // YAML dates or timestamps, as PyYAML reads them (ISO 8601).
            "datetime" => new JsonObject { ["type"] = "string", ["pattern"] = @"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$" },
            _ => throw new NotSupportedException($"GraphSense field type {kind}"),
        };
        return type == "list"
            ? new JsonObject { ["type"] = "array", ["items"] = Scalar(field.Children.TryGetValue("item_type", out var item) ? ((YamlScalarNode)item).Value : "text") }
            : Scalar(type);
    }

    private static IEnumerable<string> Taxonomy(string name)
    {
        var db = SharedData.PathOf("graphsense-lib", "tagpack", "db");
        return name switch
        {
            "confidence" => Csv(Path.Combine(db, "confidence.csv"), "id"),
            "tag_type" => Csv(Path.Combine(db, "tag_types.csv"), "id"),
            "concept" => ((YamlMappingNode)Load(Path.Combine(db, "concepts.yaml"))).Children
                .Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey("id")).Select(c => ((YamlScalarNode)((YamlMappingNode)c.Value)["id"]).Value!),
            _ => throw new NotSupportedException($"taxonomy {name}"),
        };
    }

    private static IEnumerable<string> Csv(string path, string column)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var index = Array.IndexOf(lines[0].Split(','), column);
        return lines.Skip(1).Select(l => l.Split(',')[index]);
    }

    private static YamlNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return stream.Documents[0].RootNode;
    }

    private static string Name(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static bool IsMandatory(YamlMappingNode field) => field.Children.TryGetValue("mandatory", out var m) && ((YamlScalarNode)m).Value == "true";

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();
}
