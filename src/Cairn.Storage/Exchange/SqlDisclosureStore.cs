using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.Nodes;
using Cairn.Storage.Cases;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>
/// FIU disclosures and the consents for their onward dissemination (fiu_disclosures, fiu_consents,
/// fiu_disclosure_cases). Attaching a disclosure to a case is checked by
/// <see cref="OnwardDisseminationRule"/> against the recorded consents; a refusal writes nothing.
/// </summary>
public sealed class SqlDisclosureStore : IDisclosureStore
{
    private readonly CairnDatabase _database;

    public SqlDisclosureStore(CairnDatabase database)
    {
        _database = database;
    }

    public Task<StoredDisclosure> GetAsync(Actor actor, string messageId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await LoadAsync(unit, messageId).ConfigureAwait(false);
            await unit.RecordAsync("fiu.disclosure.read", "envelope", messageId).ConfigureAwait(false);
            return found;
        }, cancellationToken);

    /// <summary>Attaches the disclosure to case <paramref name="caseReference"/> if the rule allows it (logged "fiu.disclosure.attach").</summary>
    public Task AttachAsync(Actor actor, string messageId, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, unit => AttachAsync(unit, messageId, caseReference), cancellationToken);

    /// <summary>
    /// Records that the disclosing FIU consented to onward dissemination to <paramref name="agency"/>,
    /// evidenced by <paramref name="consentMessageId"/>: a message received from the disclosing node.
    /// </summary>
    public Task RecordConsentAsync(Actor actor, string messageId, string agency, string consentMessageId, CancellationToken cancellationToken = default)
    {
        var grantee = Identifiers.Require(agency, "agency");
        return _database.InTransactionAsync(actor, async unit =>
        {
            var disclosure = await LoadAsync(unit, messageId).ConfigureAwait(false);
            var evidence = await unit.QuerySingleOrDefaultAsync<string>("SELECT sender_node FROM exchange_inbox WHERE message_id = @consentMessageId", new { consentMessageId }).ConfigureAwait(false)
                ?? throw new NotFoundException($"no received message '{consentMessageId}' to evidence the consent");
            if (evidence != disclosure.DisclosingNode)
                throw new CairnException($"consent message {consentMessageId} comes from '{evidence}', not from the disclosing node '{disclosure.DisclosingNode}'");
            await InsertConsentAsync(unit, messageId, grantee, consentMessageId).ConfigureAwait(false);
            await unit.RecordAsync("fiu.consent.record", "envelope", messageId, CustodyRecord.HashOf($"{grantee}\n{consentMessageId}")).ConfigureAwait(false);
        }, cancellationToken);
    }

    internal static async Task RecordAsync(UnitOfWork unit, string messageId, NodeCard sender, string receivingAgency, DisclosureTerms terms)
    {
        if (string.IsNullOrWhiteSpace(terms.Purpose))
            throw new CairnException($"FIU disclosure {messageId} from '{sender.NodeId}' states no purpose");
        // The disclosing agency is the one the sending node is registered for, whatever the terms claim.
        var disclosingAgency = sender.Agency;
        await unit.ExecuteAsync(
            "INSERT INTO fiu_disclosures (message_id, disclosing_node, disclosing_agency, receiving_agency, purpose, restrictions, recorded_at) VALUES (@messageId, @Node, @disclosingAgency, @receivingAgency, @Purpose, @Restrictions, @Now)",
            new { messageId, Node = sender.NodeId, disclosingAgency, receivingAgency, terms.Purpose, Restrictions = string.Join(",", terms.HandlingRestrictions), Now = ExchangeRows.Time(unit.Time.GetUtcNow()) }).ConfigureAwait(false);
        foreach (var agency in terms.OnwardConsent.Distinct())
            await InsertConsentAsync(unit, messageId, agency, "disclosure").ConfigureAwait(false);
        await unit.RecordAsync("fiu.disclosure.record", "envelope", messageId, CustodyRecord.HashOf(terms.Purpose)).ConfigureAwait(false);
    }

    internal static async Task AttachAsync(UnitOfWork unit, string messageId, string caseReference)
    {
        var disclosure = await LoadAsync(unit, messageId).ConfigureAwait(false);
        var target = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
        OnwardDisseminationRule.EnsureMayAttach(messageId, disclosure.Terms, disclosure.ReceivingAgency, target.Reference, target.OwningAgency, disclosure.Consents);
        await unit.ExecuteAsync(
            "INSERT INTO fiu_disclosure_cases (message_id, case_id, attached_at, attached_by) VALUES (@messageId, @Id, @Now, @By) ON CONFLICT (message_id, case_id) DO NOTHING",
            new { messageId, target.Id, Now = ExchangeRows.Time(unit.Time.GetUtcNow()), By = unit.Actor.ToString() }).ConfigureAwait(false);
        await unit.RecordAsync("fiu.disclosure.attach", "case", target.Id, CustodyRecord.HashOf(messageId)).ConfigureAwait(false);
    }

    private static Task InsertConsentAsync(UnitOfWork unit, string messageId, string agency, string source) =>
        unit.ExecuteAsync(
            "INSERT INTO fiu_consents (message_id, agency, source, recorded_at, recorded_by) VALUES (@messageId, @agency, @source, @Now, @By) ON CONFLICT (message_id, agency) DO NOTHING",
            new { messageId, agency, source, Now = ExchangeRows.Time(unit.Time.GetUtcNow()), By = unit.Actor.ToString() });

    private static async Task<StoredDisclosure> LoadAsync(UnitOfWork unit, string messageId)
    {
        var row = await unit.QuerySingleOrDefaultAsync<Row>(
            "SELECT message_id AS MessageId, disclosing_node AS DisclosingNode, disclosing_agency AS DisclosingAgency, receiving_agency AS ReceivingAgency, purpose AS Purpose, restrictions AS Restrictions FROM fiu_disclosures WHERE message_id = @messageId",
            new { messageId }).ConfigureAwait(false) ?? throw new NotFoundException($"no accepted FIU disclosure '{messageId}'");
        var consents = (await unit.QueryAsync<string>("SELECT agency FROM fiu_consents WHERE message_id = @messageId ORDER BY agency", new { messageId }).ConfigureAwait(false)).ToList();
        var cases = (await unit.QueryAsync<string>("SELECT case_id FROM fiu_disclosure_cases WHERE message_id = @messageId ORDER BY case_id", new { messageId }).ConfigureAwait(false)).ToList();
        var terms = new DisclosureTerms
        {
            DisclosingAgency = row.DisclosingAgency,
            Purpose = row.Purpose,
            HandlingRestrictions = row.Restrictions.Split(',', StringSplitOptions.RemoveEmptyEntries),
            OnwardConsent = consents,
        };
        return new StoredDisclosure(row.MessageId, row.DisclosingNode, row.ReceivingAgency, terms, consents, cases);
    }

    private sealed class Row
    {
        public string MessageId { get; set; } = "";
        public string DisclosingNode { get; set; } = "";
        public string DisclosingAgency { get; set; } = "";
        public string ReceivingAgency { get; set; } = "";
        public string Purpose { get; set; } = "";
        public string Restrictions { get; set; } = "";
    }
}
