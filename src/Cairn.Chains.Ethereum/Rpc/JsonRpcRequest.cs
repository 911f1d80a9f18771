namespace Cairn.Chains.Ethereum.Rpc;

/// <summary>One JSON-RPC 2.0 call: method name and positional parameters (strings, numbers, bools, dictionaries).</summary>
public sealed record JsonRpcRequest(string Method, params object?[] Params);
