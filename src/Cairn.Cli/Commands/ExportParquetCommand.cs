using System.CommandLine;
using System.Globalization;
using Cairn.Chains;
using Cairn.Workspace.Chain;

namespace Cairn.Cli.Commands;

/// <summary>`cairn &lt;chain&gt; export-parquet --out DIR`: the chain's index as Parquet files (docs/parquet.md); one call into <see cref="ChainService"/>.</summary>
internal static class ExportParquetCommand
{
    public static Command Build(CliHost host, ChainDefinition chain)
    {
        var output = new Option<string>("--out") { Description = "Directory for transactions, inputs, outputs, addresses and clusters .parquet (created when missing)", Required = true };
        var command = new Command("export-parquet", "Write the index to Parquet files for Spark, DuckDB, ClickHouse or Trino") { output };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var summary = await context.Get<ChainService>().ExportParquetAsync(chain.Id, parse.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            if (context.Json) context.WriteJson(summary);
            else
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {summary.Files.Count} Parquet files to {summary.Directory}: {summary.Transactions:N0} transactions, {summary.Inputs:N0} inputs, {summary.Outputs:N0} outputs, {summary.Addresses:N0} addresses, {summary.Clusters:N0} clusters in {summary.Seconds:F1} s"));
            return CliHost.Success;
        });
        return command;
    }
}
