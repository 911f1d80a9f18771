namespace Cairn.Intel.Import;

/// <summary>
/// What reading one file produced: the parsed content (null when the file was refused) and every
/// issue found. Without <c>--strict</c> malformed entries are skipped or flagged and the rest is
/// imported; with it any issue refuses the whole file.
/// </summary>
public sealed record ImportResult<T>(string File, T? Content, IReadOnlyList<ImportIssue> Issues)
    where T : class
{
    public bool Refused => Content is null;

    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);

    public int WarningCount => Issues.Count(i => i.Severity == IssueSeverity.Warning);
}
