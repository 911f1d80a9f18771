using System.CommandLine;
using Cairn.Core;
using Cairn.Development.Generation;

namespace Cairn.Cli.Commands;

/// <summary>`cairn dev`: developer tools (synthetic chains for demos, tests and benchmarks).</summary>
internal static class DevCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var dev = new Command("dev", "Developer tools: generate demo chains");
        dev.Subcommands.Add(GenerateBitcoin(host));
        return dev;
    }

    private static Command GenerateBitcoin(CliHost host)
    {
        var txs = new Option<long>("--txs") { Description = "Number of transactions", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed (same seed and size, same bytes)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory for blk*.dat and scenario.json", Required = true };
        var xor = new Option<bool>("--xor") { Description = "Obfuscate with xor.dat like Bitcoin Core 28+" };
        var noScenario = new Option<bool>("--no-scenario") { Description = "Do not plant the ransomware case" };
        var command = new Command("gen-btc", "Generate a realistic regtest chain as Bitcoin Core blk*.dat files") { txs, seed, output, xor, noScenario };
        host.SetAction(command, (context, parse) =>
        {
            var count = parse.GetValue(txs);
            if (count < 1000) throw new CairnException($"--txs {count} is too small: at least 1000");
            var directory = Path.GetFullPath(parse.GetValue(output)!);
            if (Directory.Exists(directory) && Directory.EnumerateFiles(directory, "blk*.dat").Any())
                throw new CairnException($"'{directory}' already holds blk files: choose an empty directory");
            var started = context.Time.GetTimestamp();
            var manifest = ChainGenerator.Generate(new ChainGeneratorOptions
            {
                Transactions = count,
                Seed = parse.GetValue(seed),
                OutputDirectory = directory,
                Xor = parse.GetValue(xor),
                RansomwareScenario = !parse.GetValue(noScenario),
            });
            var seconds = context.Time.GetElapsedTime(started).TotalSeconds;
            if (context.Json) context.WriteJson(new GeneratedChain(directory, manifest.Blocks, manifest.Transactions, Math.Round(seconds, 2), Path.Combine(directory, ScenarioManifest.FileName)));
            else context.Output.WriteLine($"generated {manifest.Blocks} blocks, {manifest.Transactions} transactions in {seconds:F1} s into {directory}");
            return 0;
        });
        return command;
    }

    /// <summary>`cairn dev gen-btc --json`: where the chain was written, its size, how long it took, and its scenario file.</summary>
    private sealed record GeneratedChain(string Directory, long Blocks, long Transactions, double Seconds, string Scenario);
}
