using Cairn.Exchange.Fiu;

namespace Cairn.Exchange.Store;

/// <summary>An accepted FIU disclosure with its terms, the consents recorded so far and the cases it is attached to.</summary>
public sealed record StoredDisclosure(string MessageId, string DisclosingNode, string ReceivingAgency, DisclosureTerms Terms, IReadOnlyList<string> Consents, IReadOnlyList<string> CaseIds);
