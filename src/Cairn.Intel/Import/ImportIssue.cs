using Cairn.Core;

namespace Cairn.Intel.Import;

/// <summary>A problem found while importing, located by file and 1-based line so that a curator can fix the source.</summary>
public sealed record ImportIssue(string File, int Line, IssueSeverity Severity, string Message)
{
    /// <summary>One line, whatever the file held: issues are printed one per line and become refusal messages.</summary>
    public string Message { get; init; } = UserText.OneLine(Message);

    public override string ToString() =>
        $"{File}:{Line}: {(Severity == IssueSeverity.Error ? "error" : "warning")}: {Message}";
}
