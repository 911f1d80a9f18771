using System.Text.Json.Nodes;
using Json.Schema;

namespace Cairn.TestSupport.Schemas;

/// <summary>Validates JSON against a JSON Schema with JsonSchema.Net (a maintained draft 2020-12 validator), listing every error with its place.</summary>
public static class SchemaCheck
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Parsed = new(StringComparer.Ordinal);

    /// <summary>Every validation error as "instance location: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schemaJson, JsonNode? instance)
    {
        // Parsed once per text: JsonSchema.Net registers every $id globally and refuses a second registration.
        var schema = Parsed.GetOrAdd(schemaJson, text => JsonSchema.FromText(text));
        using var document = System.Text.Json.JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        // Failures inside "if" and "not" are how those keywords work, not errors of the instance.
        var errors = (result.Details ?? []).Where(d => d.Errors is not null && !IsConditional(d.EvaluationPath.ToString()))
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static bool IsConditional(string evaluationPath) =>
        evaluationPath.Contains("/if", StringComparison.Ordinal) || evaluationPath.Contains("/not", StringComparison.Ordinal);

    /// <summary>A schema file of the repository (docs/schemas/…).</summary>
    public static string RepositoryFile(params string[] parts) => File.ReadAllText(Path.Combine([SharedData.RepositoryRoot, .. parts]));
}
