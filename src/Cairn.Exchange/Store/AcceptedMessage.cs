using Cairn.Cases.Evidence;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Receipts;

namespace Cairn.Exchange.Store;

/// <summary>The result of accepting a received message: the signed acceptance receipt (queued back to the sender), the message, and the evidence imported into the case.</summary>
public sealed record AcceptedMessage(InboxEntry Entry, ExchangeMessage Message, Receipt Acceptance, string ReceiptMessageId, IReadOnlyList<EvidenceItem> Evidence);
