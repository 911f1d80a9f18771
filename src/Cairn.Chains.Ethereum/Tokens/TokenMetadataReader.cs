using System.Text.Json;
using Cairn.Chains.Ethereum.Abi;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Rpc;

namespace Cairn.Chains.Ethereum.Tokens;

/// <summary>
/// Reads symbol(), name() and decimals() with <c>eth_call</c> in one batch. Accepts the EIP-20
/// <c>string</c> return and the <c>bytes32</c> return of early tokens (MKR, SAI); a call that reverts,
/// is absent or returns garbage leaves that field null rather than failing the ingest.
/// </summary>
public sealed class TokenMetadataReader(EthJsonRpcClient client)
{
    private static readonly string SymbolCall = Hex.ToHex(AbiCodec.Selector("symbol()"));
    private static readonly string NameCall = Hex.ToHex(AbiCodec.Selector("name()"));
    private static readonly string DecimalsCall = Hex.ToHex(AbiCodec.Selector("decimals()"));

    public async Task<IReadOnlyList<TokenMetadata>> ReadAsync(IReadOnlyList<string> contracts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var requests = contracts.SelectMany(contract => new[] { SymbolCall, NameCall, DecimalsCall }
            .Select(data => new JsonRpcRequest("eth_call", new Dictionary<string, string> { ["to"] = contract, ["data"] = data }, "latest")))
            .ToList();
        var responses = await client.BatchAsync(requests, cancellationToken).ConfigureAwait(false);
        var result = new List<TokenMetadata>(contracts.Count);
        for (var i = 0; i < contracts.Count; i++)
        {
            var decimals = Bytes(responses[3 * i + 2]) is { } d ? AbiCodec.DecodeUInt(d) : null;
            result.Add(new TokenMetadata(
                contracts[i],
                Text(responses[3 * i]),
                Text(responses[3 * i + 1]),
                decimals is { } value && value <= 255 ? (int)value : null));
        }
        return result;
    }

    /// <summary>A string return, else a bytes32 return, else null.</summary>
    public static string? DecodeText(ReadOnlySpan<byte> data) =>
        AbiCodec.DecodeString(data) ?? AbiCodec.DecodeBytes32Text(data);

    private static string? Text(JsonRpcResponse response) => Bytes(response) is { } data ? DecodeText(data) : null;

    private static byte[]? Bytes(JsonRpcResponse response)
    {
        if (response.IsError || response.Result.ValueKind != JsonValueKind.String) return null;
        var data = Hex.ToBytes(response.Result.GetString()!);
        return data.Length == 0 ? null : data;
    }
}
