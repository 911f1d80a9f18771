using System.CommandLine;
using System.Globalization;
using Cairn.Chains;
using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn btc|ltc|bch|doge`: one command group per UTXO chain of the registry, the same commands for
/// each (ingest, blocks, transactions, addresses, stats), the chain passed to <see cref="ChainService"/>.
/// </summary>
internal static class UtxoChainCommands
{
    public static Command Build(CliHost host, ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(chain);
        var group = new Command(chain.Id, $"{chain.Name} chain: ingest, blocks, transactions, addresses");
        group.Subcommands.Add(BuildBlock(host, chain));
        group.Subcommands.Add(BuildDecodeAddress(host, chain));
        UtxoIndexCommands.AddTo(group, host, chain);
        return group;
    }

    /// <summary>The chain's network names as the options take them (Bitcoin: main|test|…; others: main|testnet4).</summary>
    internal static string NetworkNames(ChainDefinition chain) =>
        string.Join("|", Cairn.Chains.Bitcoin.Network.OfChain(chain.Id).Select(n => chain.Id == "btc" ? n.Name : n.Name[(chain.Id.Length + 1)..]));

    /// <summary>`cairn btc block FILE`: parse a raw block (binary or hex text) and print every transaction.</summary>
    private static Command BuildBlock(CliHost host, ChainDefinition chain)
    {
        var file = new Argument<string>("FILE") { Description = "A raw block: consensus bytes, or the same as hex text" };
        var network = new Option<string>("--network") { Description = $"Network for addresses: {NetworkNames(chain)}", DefaultValueFactory = _ => "main" };
        var command = new Command("block", "Parse a raw block file: hash, merkle check, every input and output") { file, network };
        host.SetAction(command, (ctx, parseResult) =>
        {
            var report = ChainService.ReadBlockFile(parseResult.GetValue(file)!, parseResult.GetValue(network), chain.Id);
            if (ctx.Json) ctx.WriteJson(report);
            else WriteBlockTables(ctx, report, chain.Symbol);
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn btc decode-address ADDR`: type, network and scriptPubKey of an address.</summary>
    private static Command BuildDecodeAddress(CliHost host, ChainDefinition chain)
    {
        var address = new Argument<string>("ADDR") { Description = $"A {chain.Name} address" };
        var network = new Option<string?>("--network") { Description = $"Require this network: {NetworkNames(chain)}" };
        var command = new Command("decode-address", "Decode an address: valid, type, network, script") { address, network };
        host.SetAction(command, (ctx, parseResult) =>
        {
            var report = ChainService.DecodeAddress(parseResult.GetValue(address)!, parseResult.GetValue(network), chain.Id);
            if (ctx.Json)
            {
                ctx.WriteJson(report);
                return CliHost.Success;
            }
            var grid = new Grid().AddColumn().AddColumn();
            AddPair(grid, "address", report.Address);
            AddPair(grid, "valid", "yes");
            AddPair(grid, "type", report.Type);
            AddPair(grid, "network", report.Network + (report.CompatibleNetworks.Count > 1 ? $" (valid on {string.Join(", ", report.CompatibleNetworks)})" : ""));
            if (report.WitnessVersion is { } version) AddPair(grid, "witness version", version.ToString(CultureInfo.InvariantCulture));
            AddPair(grid, "script", report.ScriptHex);
            ctx.Console.Write(grid);
            return CliHost.Success;
        });
        return command;
    }

    private static void WriteBlockTables(CliContext ctx, BlockView block, string symbol)
    {
        var grid = new Grid().AddColumn().AddColumn();
        AddPair(grid, "hash", block.Hash);
        AddPair(grid, "previous", block.PreviousBlockHash);
        AddPair(grid, "merkle root", block.MerkleRoot);
        AddPair(grid, "merkle check", block.MerkleRootMatches ? "matches" : "MISMATCH");
        if (block.WitnessCommitmentMatches is { } witness) AddPair(grid, "witness commitment", witness ? "matches" : "MISMATCH");
        AddPair(grid, "time", block.TimeUtc);
        AddPair(grid, "size", block.Size.ToString(CultureInfo.InvariantCulture) + " bytes");
        AddPair(grid, "transactions", block.TxCount.ToString(CultureInfo.InvariantCulture));
        AddPair(grid, "total output", block.TotalOutputBtc + " " + symbol);
        if (block.AuxPow is { } aux) AddPair(grid, "merged mining", $"AuxPoW, parent block {aux.ParentBlockHash}, chain id {aux.ChainId}");
        if (block.Mweb is { Present: true } mweb) AddPair(grid, "MWEB extension", $"height {mweb.Height}, {mweb.BodySize} bytes of confidential inputs, outputs and kernels (not read)");
        ctx.Console.Write(grid);

        // Plain lines, not a table: 64-digit txids and long addresses would wrap a bordered table.
        for (var t = 0; t < block.Transactions.Count; t++)
        {
            var tx = block.Transactions[t];
            ctx.Output.WriteLine(FormattableString.Invariant($"tx {t}  {tx.Txid}{(tx.Coinbase ? "  (coinbase)" : "")}"));
            for (var i = 0; i < tx.Inputs.Count && !tx.Coinbase; i++)
                ctx.Output.WriteLine(FormattableString.Invariant($"  in  {i,-3} {tx.Inputs[i].PrevoutTxid}:{tx.Inputs[i].PrevoutIndex}"));
            foreach (var output in tx.Outputs)
                ctx.Output.WriteLine(FormattableString.Invariant($"  out {output.Index,-3} {output.ValueBtc,16} {symbol}  {output.ScriptType,-15} {output.Address ?? "-"}"));
        }
    }

    private static void AddPair(Grid grid, string key, string value) => grid.AddRow(new Text(key), new Text(value));
}
