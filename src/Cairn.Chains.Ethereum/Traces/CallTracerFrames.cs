using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Model;

namespace Cairn.Chains.Ethereum.Traces;

/// <summary>
/// Flattens geth's <c>callTracer</c> output (nested <c>calls</c>) into <see cref="CallFrame"/>s in
/// depth-first order, the shape <c>debug_traceBlockByNumber(n, {tracer: "callTracer"})</c> and
/// <c>debug_traceTransaction</c> return (geth docs, "Built-in tracers").
/// </summary>
public static class CallTracerFrames
{
    /// <summary>Flattens one transaction's call tree.</summary>
    public static List<CallFrame> Flatten(JsonElement root, int transactionIndex)
    {
        var frames = new List<CallFrame>();
        Walk(root, transactionIndex, [], frames);
        return frames;
    }

    /// <summary>Flattens a <c>debug_traceBlockByNumber</c> result: an array of {result: frame} per transaction.</summary>
    public static List<List<CallFrame>> FlattenBlock(JsonElement blockResult)
    {
        var all = new List<List<CallFrame>>();
        var index = 0;
        foreach (var entry in blockResult.EnumerateArray())
        {
            var frame = entry.TryGetProperty("result", out var result) ? result : entry;
            all.Add(Flatten(frame, index++));
        }
        return all;
    }

    private static void Walk(JsonElement node, int transactionIndex, List<int> path, List<CallFrame> frames)
    {
        var children = node.TryGetProperty("calls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? calls.EnumerateArray().ToList()
            : [];
        frames.Add(new CallFrame(
            transactionIndex,
            (EthJson.OptionalString(node, "type") ?? "call").ToLowerInvariant(),
            EthJson.OptionalString(node, "from")?.ToLowerInvariant(),
            EthJson.OptionalString(node, "to")?.ToLowerInvariant(),
            EthJson.OptionalString(node, "value") is { } value ? Hex.ToBigInteger(value, "trace value") : 0,
            EthJson.OptionalString(node, "error"),
            path.ToArray(),
            children.Count,
            EthJson.OptionalQuantity(node, "gas") ?? 0,
            EthJson.OptionalQuantity(node, "gasUsed") ?? 0));
        for (var i = 0; i < children.Count; i++)
        {
            path.Add(i);
            Walk(children[i], transactionIndex, path, frames);
            path.RemoveAt(path.Count - 1);
        }
    }
}
