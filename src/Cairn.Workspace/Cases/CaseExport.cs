using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;

namespace Cairn.Workspace.Cases;

/// <summary>
/// <c>cairn case export</c>: one case as JSON for another tool or a recipient: the case (wallets,
/// subjects, notes, status history) and its ledger (events, balances, totals per State). With
/// <see cref="Pseudonymised"/> the subjects' personal data are replaced (<see cref="Pseudonymiser"/>).
/// </summary>
public sealed record CaseExport(string Format, DateTimeOffset ExportedAt, string ExportedBy, bool Pseudonymised, string Note, Case Case, LedgerReport Ledger)
{
    public const string CurrentFormat = "cairn-case-export-v1";
}
