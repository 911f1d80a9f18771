using System.Text.Json;

namespace Cairn.Chains.Ethereum.Rpc;

/// <summary>One JSON-RPC 2.0 response: a result (cloned, safe to keep) or an error.</summary>
public sealed record JsonRpcResponse(JsonElement Result, JsonRpcError? Error)
{
    public bool IsError => Error is not null;

    /// <summary>A result that is JSON null (unknown block, pending receipt).</summary>
    public bool IsNull => Error is null && Result.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
}
