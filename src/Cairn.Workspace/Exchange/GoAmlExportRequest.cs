namespace Cairn.Workspace.Exchange;

/// <summary>A goAML report of a case to write: the file, the reporting entity id registered with the FIU, the reporting person ("First Last"), indicator codes, a transactions CSV, the local currency and the reason text.</summary>
public sealed record GoAmlExportRequest(string? CaseReference, string? Out, string? ReportingEntityId, string? Reporter, IReadOnlyList<string>? Indicators = null,
    string? TransactionsCsv = null, string Currency = "EUR", string? Reason = null);
