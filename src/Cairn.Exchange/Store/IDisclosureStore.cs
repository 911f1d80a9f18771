using Cairn.Cases.Agencies;

namespace Cairn.Exchange.Store;

/// <summary>FIU disclosures accepted by this node, the consents to their onward dissemination, and the cases they are attached to (checked by <see cref="Fiu.OnwardDisseminationRule"/>).</summary>
public interface IDisclosureStore
{
    Task<StoredDisclosure> GetAsync(Actor actor, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Attaches the disclosure to a case if the rule allows it (logged "fiu.disclosure.attach"); a refusal writes nothing.</summary>
    Task AttachAsync(Actor actor, string messageId, string caseReference, CancellationToken cancellationToken = default);

    /// <summary>Records the disclosing FIU's consent to onward dissemination to <paramref name="agency"/>, evidenced by a message received from it.</summary>
    Task RecordConsentAsync(Actor actor, string messageId, string agency, string consentMessageId, CancellationToken cancellationToken = default);
}
