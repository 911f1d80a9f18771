using System.CommandLine;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Index.Generation;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn demo`: the whole pipeline on the embedded default in one command: generate the demo
/// chain (a fictional ransomware case), ingest it into the index in the data directory, and
/// print what an investigator sees first. Safe to run again (it reuses what exists).
/// </summary>
internal static class DemoCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var txs = new Option<long>("--txs") { Description = "Size of the demo chain", DefaultValueFactory = _ => 20_000 };
        var command = new Command("demo", "Generate the demo chain, ingest it, and show the ransomware case") { txs };
        host.SetAction(command, (context, parse) =>
        {
            var blocks = context.PathIn("demo-chain");
            if (!File.Exists(Path.Combine(blocks, ScenarioManifest.FileName)))
            {
                context.Output.WriteLine($"generating the demo chain ({parse.GetValue(txs):N0} transactions) in {blocks} …");
                ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = parse.GetValue(txs), Seed = 2026, OutputDirectory = blocks });
            }
            var scenario = ScenarioManifest.Load(Path.Combine(blocks, ScenarioManifest.FileName));
            IngestReport report;
            using (var writer = BitcoinIndexWriter.Open(BtcIndexCommands.IndexDirectory(context), Network.RegTest))
                report = new BitcoinIngest(writer).FromBlockFiles(blocks);
            using var index = BtcIndexCommands.OpenIndex(context);
            var ransomware = scenario.Ransomware!;
            if (context.Json)
            {
                context.WriteJson(new { data = context.DataDirectory, height = index.TipHeight, transactions = index.TransactionCount, ingest_seconds = Math.Round(report.Elapsed.TotalSeconds, 2), ransomware, actors = scenario.Actors.Select(a => new { a.Id, a.Label, a.Category, a.Jurisdictions }) });
                return 0;
            }
            var output = context.Output;
            output.WriteLine($"chain index: height {index.TipHeight}, {index.TransactionCount:N0} transactions, {index.AddressCount:N0} addresses ({report.BlocksAdded} blocks ingested in {report.Elapsed.TotalSeconds:F1} s)");
            output.WriteLine();
            output.WriteLine($"Case: {ransomware.Family} ransom of {TxView.Btc(ransomware.RansomAmountSat)} BTC paid in tx {ransomware.RansomTxId}");
            output.WriteLine($"  to {ransomware.RansomAddress}; laundered through a CoinJoin ({ransomware.CoinJoinTxId[..16]}…) and a peel chain of {ransomware.PeelChainTxIds.Count} hops");
            output.WriteLine("Deposits found at exchanges (fictional services):");
            foreach (var deposit in ransomware.Deposits)
            {
                var actor = scenario.Actors.Single(a => a.Id == deposit.Actor);
                output.WriteLine($"  {TxView.Btc(deposit.AmountSat),12} BTC  {actor.Label,-34} [{string.Join(",", actor.Jurisdictions)}]  {deposit.Address}");
            }
            output.WriteLine();
            output.WriteLine("Next steps:");
            output.WriteLine($"  cairn btc tx {ransomware.RansomTxId}");
            output.WriteLine($"  cairn trace --chain btc --from {ransomware.RansomTxId} --model haircut --scenario {Path.Combine(blocks, ScenarioManifest.FileName)}");
            output.WriteLine("  cairn route --from US --to DE --measure freeze");
            return 0;
        });
        return command;
    }
}
