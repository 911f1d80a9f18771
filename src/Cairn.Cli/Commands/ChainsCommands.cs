using System.CommandLine;
using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn chains [--json]`: every chain of the registry, its parameters and what Cairn supports there (one call into <see cref="ChainService"/>).</summary>
internal static class ChainsCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("chains", "The chains Cairn knows: family, units, what each supports, whether this data directory has its index");
        host.SetAction(command, (ctx, _) =>
        {
            var chains = ctx.Get<ChainService>().List();
            if (ctx.Json)
            {
                ctx.WriteJson(chains);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("id", "chain", "family", "unit", "ingest", "trace", "cluster", "screen", "tokens", "indexed");
            foreach (var c in chains)
            {
                var ingest = string.Join(", ", new[] { c.Support.IngestBlockFiles ? "block files" : null, c.Support.IngestRpc ? "node RPC" : null }.OfType<string>());
                table.AddRow(c.Id, Markup.Escape(c.Name + (c.EvmChainId is { } id ? $" (chain id {id})" : "")), c.Family, $"{c.Symbol} ({c.Decimals} decimals)",
                    ingest.Length == 0 ? "no" : ingest, YesNo(c.Support.Trace), YesNo(c.Support.Cluster), YesNo(c.Support.Screen),
                    c.Tokens.Count == 0 ? (c.Support.Tokens ? "any ERC-20" : "no") : Markup.Escape(string.Join(", ", c.Tokens.Select(t => t.Symbol))), YesNo(c.Indexed));
            }
            ctx.Console.Write(table);
            foreach (var c in chains.Where(c => c.Limitation is not null)) ctx.Output.WriteLine($"{c.Id}: {c.Limitation}");
            return CliHost.Success;
        });
        return command;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
