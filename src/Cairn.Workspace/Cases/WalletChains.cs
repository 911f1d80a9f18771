using Cairn.Core;

namespace Cairn.Workspace.Cases;

/// <summary>
/// The chains a case wallet can be on: those Cairn indexes and traces (the chain codes of the API,
/// /api/v1/btc and /api/v1/eth). When chains are described in a registry, its list replaces this one.
/// </summary>
public static class WalletChains
{
    public static readonly IReadOnlyList<string> All = ["btc", "eth"];

    public static string Parse(string? chain)
    {
        var code = ValidationException.Required(chain, "chain").ToLowerInvariant();
        return All.Contains(code, StringComparer.Ordinal) ? code : throw new ValidationException("chain", $"chain '{chain}' is not one of {string.Join(", ", All)}");
    }
}
