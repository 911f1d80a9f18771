using Cairn.Exchange.GoAml;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// A goAML report of a case to write: the file, the reporting entity id registered with the FIU, the
/// reporting person ("First Last"), indicator codes (the FIU file's when none), a transactions CSV,
/// the reason text, the FIU file (JSON, docs/exchange.md) and <paramref name="Settings"/> that
/// override it (codes, branch, rates, institutions). Nothing FIU-specific has a built-in value.
/// </summary>
public sealed record GoAmlExportRequest(string? CaseReference, string? Out, string? ReportingEntityId, string? Reporter, IReadOnlyList<string>? Indicators = null,
    string? TransactionsCsv = null, string? Reason = null, string? FiuConfig = null, GoAmlOptions? Settings = null);
