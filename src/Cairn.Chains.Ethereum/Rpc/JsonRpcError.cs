namespace Cairn.Chains.Ethereum.Rpc;

/// <summary>The error object of a JSON-RPC 2.0 response.</summary>
public sealed record JsonRpcError(int Code, string Message)
{
    /// <summary>
    /// The node does not offer the method: -32601 per JSON-RPC 2.0; Ganache answers
    /// "The method X does not exist/is not available" with other codes.
    /// </summary>
    public bool IsMethodNotFound =>
        Code == -32601 || Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
        || Message.Contains("not available", StringComparison.OrdinalIgnoreCase)
        || Message.Contains("not supported", StringComparison.OrdinalIgnoreCase);

    /// <summary>Errors a node returns under load (geth -32005 "limit exceeded", rate limiting) that are worth retrying.</summary>
    public bool IsTransient => Code is -32005 or 429;
}
