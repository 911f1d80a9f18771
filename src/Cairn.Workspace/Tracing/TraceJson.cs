using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Workspace.Tracing;

/// <summary>The one JSON form of trace reports (snake_case, as the CLI and the API print them), used to save and reload their results.</summary>
public static class TraceJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static TraceReport DeserializeReport(string json) =>
        JsonSerializer.Deserialize<TraceReport>(json, Options) ?? throw new Core.CairnException("trace report: empty JSON");
}
