namespace Cairn.Cases.Evidence;

/// <summary>What start-up reconciliation found: half-written imports and unreferenced files removed, referenced files missing.</summary>
public sealed record ReconcileReport(int TemporaryFilesDeleted, IReadOnlyList<string> OrphanFilesDeleted, IReadOnlyList<string> MissingFiles);
