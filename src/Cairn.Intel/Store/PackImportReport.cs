using Cairn.Intel.Import;

namespace Cairn.Intel.Store;

/// <summary>The outcome of importing one file: what was stored and what was wrong with it.</summary>
public sealed record PackImportReport(string File, string? PackId, PackChange? Change, int ItemCount, IReadOnlyList<ImportIssue> Issues)
{
    /// <summary>True when nothing from the file was stored (unreadable, or refused under --strict).</summary>
    public bool Refused => Change is null;
}
