using System.Text.Json;
using Cairn.Core.Json;

namespace Cairn.Workspace.Tracing;

/// <summary>Trace reports as JSON in Cairn's one configuration (<see cref="CairnJson"/>), used to save and reload their results.</summary>
public static class TraceJson
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, CairnJson.Options);

    public static TraceReport DeserializeReport(string json) => CairnJson.Deserialize<TraceReport>(json, "trace report");
}
