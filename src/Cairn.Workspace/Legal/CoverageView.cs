using Cairn.Legal.Checking;

namespace Cairn.Workspace.Legal;

/// <summary>The coverage of the reference data: one row per instrument, the unverified facts by kind, and the table as docs/legal-data.md prints it.</summary>
public sealed record CoverageView(IReadOnlyList<CoverageRow> Instruments, IReadOnlyDictionary<string, int> Unverified, string Markdown);
