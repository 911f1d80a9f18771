using System.Text.Json.Nodes;

namespace Cairn.Development.Fuzzing;

/// <summary>One operation of an OpenAPI document: method, path template, operationId, JSON request body schema (null when none) and parameters.</summary>
public sealed record ApiOperation(string Method, string Path, string OperationId, JsonNode? BodySchema, IReadOnlyList<(string Name, string In, JsonNode? Schema)> Parameters)
{
    /// <summary>The schema of a multipart/form-data request body (an upload), null when the operation takes none.</summary>
    public JsonNode? FormSchema { get; init; }
}
