namespace Cairn.Intel.Import;

/// <summary>A problem found while importing, located by file and 1-based line so that a curator can fix the source.</summary>
public sealed record ImportIssue(string File, int Line, IssueSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == IssueSeverity.Error ? "error" : "warning")}: {Message}";
}
