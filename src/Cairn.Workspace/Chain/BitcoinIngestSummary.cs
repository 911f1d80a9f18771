using Cairn.Index.Bitcoin;

namespace Cairn.Workspace.Chain;

/// <summary>What an ingest did: blocks added and rolled back, transactions, bytes read, seconds, the new height and tip, and whether an interrupted earlier ingest was repaired.</summary>
public sealed record BitcoinIngestSummary(long BlocksAdded, long BlocksRolledBack, long TransactionsAdded, long BytesRead, double Seconds, long Height, string? Tip, bool Repaired)
{
    public static BitcoinIngestSummary Of(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.BlocksAdded, report.BlocksRolledBack, report.TransactionsAdded, report.BytesRead, Math.Round(report.Elapsed.TotalSeconds, 3), report.Height, report.Tip?.ToString(), report.Repaired);
    }
}
