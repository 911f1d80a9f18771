namespace Cairn.Exchange.Receipts;

/// <summary>
/// The two evidences a sender collects, after e-CODEX's REM evidences (ETSI EN 319 522):
/// delivery (the receiving node stored the envelope) and acceptance (an officer of the receiving
/// agency accepted the message for processing).
/// </summary>
public enum ReceiptKind
{
    Delivery,
    Acceptance,
}
