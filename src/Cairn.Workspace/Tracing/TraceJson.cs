using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Core.Json;

namespace Cairn.Workspace.Tracing;

/// <summary>Trace reports as JSON in Cairn's one configuration (<see cref="CairnJson"/>), used to save and reload their results.</summary>
public static class TraceJson
{
    private static readonly HashSet<string> FiatFields = new(StringComparer.Ordinal) { "value_usd", "value_eur", "fiat" };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, CairnJson.Options);

    public static TraceReport DeserializeReport(string json) => CairnJson.Deserialize<TraceReport>(json, "trace report");

    public static EthTraceReport DeserializeEthReport(string json) => CairnJson.Deserialize<EthTraceReport>(json, "Ethereum trace report");

    public static T Deserialize<T>(string json, string what) => CairnJson.Deserialize<T>(json, what);

    /// <summary>The same JSON with every fiat value and the rate tables left out (what a re-run compares: the trace, not the valuation).</summary>
    public static string WithoutFiat(string json)
    {
        var node = JsonNode.Parse(json);
        Strip(node);
        return node?.ToJsonString() ?? "";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).Where(FiatFields.Contains).ToList()) o.Remove(name);
                foreach (var (_, child) in o) Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }
}
