namespace Cairn.Workspace.Chain;

/// <summary>What `cairn &lt;chain&gt; export-parquet` wrote: the files (docs/parquet.md) and the rows of each table.</summary>
public sealed record ParquetExportSummary(
    string Chain, string Directory, IReadOnlyList<string> Files, long Transactions, long Inputs, long Outputs, long Addresses, long Clusters, double Seconds);
