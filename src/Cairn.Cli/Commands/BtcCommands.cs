using System.CommandLine;
using System.Globalization;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn btc`: Bitcoin chain: ingest, blocks, transactions, addresses.</summary>
internal static class BtcCommands
{
    private static readonly Option<string> NetworkOption = new("--network")
    {
        Description = "Network for addresses: main|test|testnet4|signet|regtest",
        DefaultValueFactory = _ => "main",
    };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var btc = new Command("btc", "Bitcoin chain: ingest, blocks, transactions, addresses");
        btc.Subcommands.Add(BuildBlock(host));
        btc.Subcommands.Add(BuildDecodeAddress(host));
        BtcIndexCommands.AddTo(btc, host);
        return btc;
    }

    /// <summary>`cairn btc block FILE`: parse a raw block (binary or hex text) and print every transaction.</summary>
    private static Command BuildBlock(CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "A raw block: consensus bytes, or the same as hex text" };
        var command = new Command("block", "Parse a raw block file: hash, merkle check, every input and output") { file, NetworkOption };
        host.SetAction(command, (ctx, parseResult) =>
        {
            var network = Network.Parse(parseResult.GetValue(NetworkOption)!);
            var path = parseResult.GetValue(file)!;
            var block = ParseBlockFile(path);
            var report = BlockReport(block, network);
            if (ctx.Json) ctx.WriteJson(report);
            else WriteBlockTables(ctx, report);
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn btc decode-address ADDR`: type, network and scriptPubKey of an address.</summary>
    private static Command BuildDecodeAddress(CliHost host)
    {
        var address = new Argument<string>("ADDR") { Description = "A Bitcoin address (base58check or bech32/bech32m)" };
        var network = new Option<string?>("--network") { Description = "Require this network: main|test|testnet4|signet|regtest" };
        var command = new Command("decode-address", "Decode an address: valid, type, network, script") { address, network };
        host.SetAction(command, (ctx, parseResult) =>
        {
            var expectedName = parseResult.GetValue(network);
            var expected = expectedName is null ? null : Network.Parse(expectedName);
            var decoded = AddressCodec.Decode(parseResult.GetValue(address)!, expected);
            var report = new
            {
                Address = decoded.Address,
                Valid = true,
                Type = ScriptTypeNames.Name(decoded.Type),
                Network = decoded.Network.Name,
                CompatibleNetworks = decoded.CompatibleNetworks.Select(n => n.Name).ToArray(),
                WitnessVersion = decoded.WitnessVersion >= 0 ? decoded.WitnessVersion : (int?)null,
                ScriptHex = Convert.ToHexStringLower(decoded.ScriptPubKey),
            };
            if (ctx.Json)
            {
                ctx.WriteJson(report);
                return CliHost.Success;
            }
            var grid = new Grid().AddColumn().AddColumn();
            AddPair(grid, "address", report.Address);
            AddPair(grid, "valid", "yes");
            AddPair(grid, "type", report.Type);
            AddPair(grid, "network", report.Network + (report.CompatibleNetworks.Length > 1 ? $" (valid on {string.Join(", ", report.CompatibleNetworks)})" : ""));
            if (report.WitnessVersion is { } version) AddPair(grid, "witness version", version.ToString(CultureInfo.InvariantCulture));
            AddPair(grid, "script", report.ScriptHex);
            ctx.Console.Write(grid);
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>Reads a block file, binary or hex text (detected by content: hex text has only hex digits and whitespace).</summary>
    private static Block ParseBlockFile(string path)
    {
        if (!File.Exists(path)) throw new CairnException($"block file '{path}' does not exist");
        var bytes = File.ReadAllBytes(path);
        var isHex = bytes.Length > 0 && bytes.All(b => char.IsAsciiHexDigit((char)b) || char.IsWhiteSpace((char)b));
        try
        {
            return isHex ? Block.ParseHex(System.Text.Encoding.ASCII.GetString(bytes)) : Block.Parse(bytes);
        }
        catch (CairnException ex)
        {
            throw new CairnException($"{ex.Message} in '{path}'", ex);
        }
    }

    private static BlockJson BlockReport(Block block, Network network)
    {
        var header = block.Header;
        return new BlockJson(
            block.Hash.ToString(), header.PreviousBlockHash.ToString(), header.MerkleRoot.ToString(), block.MerkleRootMatches,
            block.WitnessCommitmentMatches, header.Version, header.Time, header.Timestamp.ToString("u", CultureInfo.InvariantCulture),
            header.Bits.ToString("x8", CultureInfo.InvariantCulture), header.Nonce, block.SerializedSize, block.Transactions.Count,
            Sat(block.TotalOutput), Btc(block.TotalOutput),
            block.Transactions.Select(t => TransactionReport(t, network)).ToArray());
    }

    private static TransactionJson TransactionReport(Transaction transaction, Network network) => new(
        transaction.TxId.ToString(), transaction.WitnessTxId.ToString(), transaction.IsCoinbase, transaction.Version,
        transaction.LockTime, transaction.SerializedSize, transaction.Weight, Sat(transaction.TotalOutput), Btc(transaction.TotalOutput),
        transaction.Inputs.Select(i => new InputJson(
            transaction.IsCoinbase ? null : i.PreviousOutput.TxId.ToString(),
            transaction.IsCoinbase ? null : i.PreviousOutput.Index,
            i.Sequence, i.ScriptSig.Length, i.Witness.Count)).ToArray(),
        transaction.Outputs.Select((o, index) => new OutputJson(
            index, Sat(o.Value), Btc(o.Value), ScriptTypeNames.Name(o.ScriptType),
            AddressCodec.FromScript(o.ScriptPubKey, network), Convert.ToHexStringLower(o.ScriptPubKey))).ToArray());

    private static void WriteBlockTables(CliContext ctx, BlockJson block)
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
        AddPair(grid, "total output", block.TotalOutputBtc + " BTC");
        ctx.Console.Write(grid);

        // Plain lines, not a table: 64-digit txids and long addresses would wrap a bordered table.
        for (var t = 0; t < block.Transactions.Length; t++)
        {
            var tx = block.Transactions[t];
            ctx.Output.WriteLine(FormattableString.Invariant($"tx {t}  {tx.Txid}{(tx.Coinbase ? "  (coinbase)" : "")}"));
            for (var i = 0; i < tx.Inputs.Length && !tx.Coinbase; i++)
                ctx.Output.WriteLine(FormattableString.Invariant($"  in  {i,-3} {tx.Inputs[i].PrevoutTxid}:{tx.Inputs[i].PrevoutIndex}"));
            foreach (var output in tx.Outputs)
                ctx.Output.WriteLine(FormattableString.Invariant($"  out {output.Index,-3} {output.ValueBtc,16} BTC  {output.ScriptType,-15} {output.Address ?? "-"}"));
        }
    }

    private static void AddPair(Grid grid, string key, string value) => grid.AddRow(new Text(key), new Text(value));

    private static string Sat(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Btc(long value) => BaseUnits.ToDecimalString(value, BaseUnits.BitcoinDecimals);

    private sealed record BlockJson(
        string Hash, string PreviousBlockHash, string MerkleRoot, bool MerkleRootMatches, bool? WitnessCommitmentMatches,
        int Version, uint Time, string TimeUtc, string Bits, uint Nonce, int Size, int TxCount,
        string TotalOutputSat, string TotalOutputBtc, TransactionJson[] Transactions);

    private sealed record TransactionJson(
        string Txid, string Wtxid, bool Coinbase, int Version, uint LockTime, int Size, int Weight,
        string TotalOutputSat, string TotalOutputBtc, InputJson[] Inputs, OutputJson[] Outputs);

    private sealed record InputJson(string? PrevoutTxid, uint? PrevoutIndex, uint Sequence, int ScriptSigSize, int WitnessItems);

    private sealed record OutputJson(int Index, string ValueSat, string ValueBtc, string ScriptType, string? Address, string ScriptHex);
}
