using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Model;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Traces;

/// <summary>
/// Reads Parity/OpenEthereum/Erigon <c>trace_block</c> output (already flat, with
/// <c>traceAddress</c>) into <see cref="CallFrame"/>s. Block and uncle rewards come out with type
/// "reward" and no sender; a "suicide" action's balance moves from <c>address</c> to <c>refundAddress</c>.
/// </summary>
public static class ParityTraceFrames
{
    public static List<CallFrame> Parse(JsonElement traces)
    {
        // The node's answer is outside input: each wrong shape is refused by name (fuzz suite, issue 17).
        if (traces.ValueKind != JsonValueKind.Array) throw new CairnException($"trace_block answer is {traces.ValueKind}, not a list of traces");
        var frames = new List<CallFrame>();
        foreach (var trace in traces.EnumerateArray())
        {
            EthJson.RequireObject(trace, "trace");
            var type = EthJson.String(trace, "type");
            if (!trace.TryGetProperty("action", out var action)) throw new CairnException("Ethereum JSON trace lacks 'action'");
            EthJson.RequireObject(action, "trace action");
            var result = trace.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
            var path = trace.TryGetProperty("traceAddress", out var addresses) && addresses.ValueKind != JsonValueKind.Null
                ? ReadTraceAddress(addresses)
                : [];
            var transactionIndex = (int)(EthJson.OptionalQuantity(trace, "transactionPosition") ?? -1);
            string? from, to;
            string frameType;
            switch (type)
            {
                case "call":
                    frameType = (EthJson.OptionalString(action, "callType") ?? "call").ToLowerInvariant();
                    from = EthJson.OptionalString(action, "from");
                    to = EthJson.OptionalString(action, "to");
                    break;
                case "create":
                    frameType = "create";
                    from = EthJson.OptionalString(action, "from");
                    to = result.ValueKind == JsonValueKind.Object ? EthJson.OptionalString(result, "address") : null;
                    break;
                case "suicide":
                    frameType = "selfdestruct";
                    from = EthJson.OptionalString(action, "address");
                    to = EthJson.OptionalString(action, "refundAddress");
                    break;
                default:
                    frameType = type;
                    from = null;
                    to = EthJson.OptionalString(action, "author");
                    break;
            }
            var valueText = EthJson.OptionalString(action, "value") ?? EthJson.OptionalString(action, "balance") ?? "0x0";
            frames.Add(new CallFrame(
                transactionIndex,
                frameType,
                from?.ToLowerInvariant(),
                to?.ToLowerInvariant(),
                Hex.ToBigInteger(valueText, "trace value"),
                EthJson.OptionalString(trace, "error"),
                path,
                (int)(EthJson.OptionalQuantity(trace, "subtraces") ?? 0),
                EthJson.OptionalQuantity(action, "gas") ?? 0,
                result.ValueKind == JsonValueKind.Object ? EthJson.OptionalQuantity(result, "gasUsed") ?? 0 : 0));
        }
        return frames;
    }

    private static int[] ReadTraceAddress(JsonElement addresses)
    {
        if (addresses.ValueKind != JsonValueKind.Array) throw new CairnException($"Ethereum JSON traceAddress is {addresses.ValueKind}, not a list");
        return addresses.EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var index) && index >= 0 ? index : throw new CairnException($"Ethereum JSON traceAddress holds {UserText.Quote(a.GetRawText(), 40)}, not a position"))
            .ToArray();
    }
}
