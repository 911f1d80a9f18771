using Cairn.Chains;

namespace Cairn.Workspace.Chain;

/// <summary>A chain as `cairn chains --json` and GET /api/v1/chains list it: parameters, what Cairn supports there, tokens, sources, and whether this data directory has its index.</summary>
public sealed record ChainView(
    string Id, string Name, string Family, string Symbol, int Decimals, string BaseUnit, long? EvmChainId, IReadOnlyList<string> Networks,
    ChainView.Parameters? Network, IReadOnlyList<string> CurrencyCodes, ChainView.Supports Support, IReadOnlyList<ChainView.Token> Tokens,
    string IndexDirectory, bool Indexed, string? Limitation, IReadOnlyList<string> Sources)
{
    /// <summary>Mainnet parameters of a UTXO chain (magic as it appears in the block files, hex).</summary>
    public sealed record Parameters(string Magic, string GenesisHash, int PubKeyHashPrefix, int ScriptHashPrefix, string? Bech32Hrp, string? CashAddrPrefix, bool SegWit, bool Mweb, bool AuxPow);

    public sealed record Supports(bool IngestBlockFiles, bool IngestRpc, bool Trace, bool Cluster, bool Screen, bool Tokens);

    public sealed record Token(string Symbol, string Contract, int Decimals, bool Issuer, string Source);

    public static ChainView Of(ChainDefinition chain, bool indexed)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var network = chain.Network;
        var magic = network is null ? null : BitConverter.GetBytes(network.Magic);
        return new ChainView(chain.Id, chain.Name, chain.Family == ChainFamily.Utxo ? "utxo" : "account", chain.Symbol, chain.Decimals, chain.BaseUnit, chain.EvmChainId,
            network is null ? [] : Cairn.Chains.Bitcoin.Network.OfChain(chain.Id).Select(n => n.Name).ToList(),
            network is null ? null : new Parameters(Convert.ToHexStringLower(magic!), network.GenesisHash.ToString(), network.PubKeyHashPrefix, network.ScriptHashPrefix,
                network.Bech32Hrp.Length == 0 ? null : network.Bech32Hrp, network.CashAddrPrefix, network.SegWit, network.Mweb, network.AuxPow),
            chain.CurrencyCodes,
            new Supports(chain.Support.BlockFiles, chain.Support.Rpc, chain.Support.Trace, chain.Support.Cluster, chain.Support.Screen, chain.Support.Tokens),
            chain.Tokens.Select(t => new Token(t.Symbol, t.Contract, t.Decimals, t.Issuer, t.Source)).ToList(),
            chain.IndexDirectory, indexed, chain.Limitation, chain.Sources);
    }
}
