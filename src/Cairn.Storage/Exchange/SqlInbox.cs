using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Evidence;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;
using Cairn.Storage.Cases;
using Cairn.Storage.Evidence;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>
/// Received messages (exchange_inbox). They stay sealed in the database; reading one decrypts it
/// with the node key and is logged ("exchange.inbox.read"). A message reaches case data only when
/// an officer accepts it (<see cref="AcceptAsync"/>): then its attachments become evidence of the
/// chosen case, an FIU disclosure's terms are recorded, and a signed acceptance receipt is queued
/// back to the sender in the same transaction.
/// </summary>
public sealed partial class SqlInbox : IInboxStore
{
    private readonly CairnDatabase _database;
    private readonly NodeIdentity _identity;

    public SqlInbox(CairnDatabase database, NodeIdentity identity)
    {
        _database = database;
        _identity = identity;
    }

    public Task<IReadOnlyList<InboxEntry>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<InboxEntry>>(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<ExchangeRows.Inbox>(connection, new Dapper.CommandDefinition(
                $"SELECT {ExchangeRows.InboxColumns} FROM exchange_inbox ORDER BY received_at, message_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToEntry()).ToList();
        }, cancellationToken);

    /// <summary>One page of the inbox, oldest first (paged by the database).</summary>
    public Task<Page<InboxEntry>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.QueryAsync(async connection =>
        {
            var total = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition("SELECT COUNT(*) FROM exchange_inbox", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var rows = await Dapper.SqlMapper.QueryAsync<ExchangeRows.Inbox>(connection, new Dapper.CommandDefinition(
                $"SELECT {ExchangeRows.InboxColumns} FROM exchange_inbox ORDER BY received_at, message_id LIMIT @Limit OFFSET @Offset",
                new { Limit = (long)page.Limit, page.Offset }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return Page<InboxEntry>.Of(rows.Select(r => r.ToEntry()).ToList(), page, total);
        }, cancellationToken);
    }

    /// <summary>Decrypts a received message for reading; logged as "exchange.inbox.read".</summary>
    public Task<(InboxEntry Entry, ExchangeMessage Message)> ReadAsync(Actor actor, string messageId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var entry = await LoadAsync(unit, messageId, forUpdate: false).ConfigureAwait(false);
            var message = await DecryptAsync(unit, entry).ConfigureAwait(false);
            await unit.RecordAsync("exchange.inbox.read", "envelope", messageId, entry.EnvelopeDigest).ConfigureAwait(false);
            return (entry, message);
        }, cancellationToken);

    /// <summary>
    /// Accepts a received message, optionally into case <paramref name="caseReference"/> (attachments
    /// become its evidence; an FIU disclosure is attached under <see cref="OnwardDisseminationRule"/>).
    /// </summary>
    public async Task<AcceptedMessage> AcceptAsync(Actor actor, string messageId, string? caseReference, CancellationToken cancellationToken = default)
    {
        var (entry, message, receipt, receiptMessageId) = await _database.InTransactionAsync(actor, async unit =>
        {
            var entry = await LoadAsync(unit, messageId, forUpdate: true).ConfigureAwait(false);
            if (entry.State == "accepted") throw new CairnException($"message {messageId} was already accepted at {entry.AcceptedAt:u} by {entry.AcceptedBy}");
            if (entry.State != "received") throw new CairnException($"message {messageId} is a {entry.Type} and needs no acceptance");
            var message = await DecryptAsync(unit, entry).ConfigureAwait(false);
            var sender = await SqlPartnerStore.GetAsync(unit, entry.SenderNode).ConfigureAwait(false);
            var envelope = Envelope.Parse(System.Text.Encoding.UTF8.GetBytes(entry.Envelope));
            var now = unit.Time.GetUtcNow();
            string? caseId = null;
            if (caseReference is not null)
                caseId = (await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false)).Id;
            if (envelope.Type == EnvelopeType.FiuDisclosure)
            {
                var terms = message.Disclosure ?? throw new CairnException($"FIU disclosure {messageId} from '{sender.NodeId}' states no purpose or handling terms");
                await SqlDisclosureStore.RecordAsync(unit, messageId, sender, _identity.Card.Agency, terms).ConfigureAwait(false);
                if (caseReference is not null)
                    await SqlDisclosureStore.AttachAsync(unit, messageId, caseReference).ConfigureAwait(false);
            }
            await unit.ExecuteAsync(
                "UPDATE exchange_inbox SET state = 'accepted', accepted_at = @Now, accepted_by = @By, local_case = @caseReference WHERE message_id = @messageId",
                new { messageId, caseReference, Now = ExchangeRows.Time(now), By = unit.Actor.ToString() }).ConfigureAwait(false);
            var acceptance = Receipt.Issue(_identity, ReceiptKind.Acceptance, envelope, now, unit.Actor.ToString());
            await SqlOutbox.StoreReceiptAsync(unit, acceptance, "issued").ConfigureAwait(false);
            var back = await SqlOutbox.EnqueueAsync(unit, _identity, sender, EnvelopeType.Receipt,
                new ExchangeMessage { Subject = "acceptance of " + messageId, InReplyTo = messageId, Receipt = acceptance }).ConfigureAwait(false);
            await unit.RecordAsync("exchange.accept", "envelope", messageId, CustodyRecord.HashOf(acceptance.ToJson())).ConfigureAwait(false);
            if (caseId is not null) await unit.RecordAsync("case.exchange.accept", "case", caseId, entry.EnvelopeDigest).ConfigureAwait(false);
            return (entry with { State = "accepted", AcceptedAt = now, AcceptedBy = unit.Actor.ToString(), LocalCase = caseReference }, message, acceptance, back.MessageId);
        }, cancellationToken).ConfigureAwait(false);
        var evidence = caseReference is null ? [] : await ImportAttachmentsAsync(actor, entry, message, caseReference, cancellationToken).ConfigureAwait(false);
        return new AcceptedMessage(entry, message, receipt, receiptMessageId, evidence);
    }

    private async Task<IReadOnlyList<EvidenceItem>> ImportAttachmentsAsync(Actor actor, InboxEntry entry, ExchangeMessage message, string caseReference, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        if (message.Attachments.Count == 0) return items;
        var store = new SqlEvidenceStore(_database);
        var folder = Directory.CreateTempSubdirectory("cairn-exchange-").FullName;
        try
        {
            foreach (var attachment in message.Attachments)
            {
                var path = Path.Combine(folder, Cairn.Cases.Evidence.SafeFileName.From(attachment.FileName));
                await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken).ConfigureAwait(false);
                items.Add(await store.AddAsync(actor, caseReference, path, "received-exchange",
                    $"node {entry.SenderNode}, message {entry.MessageId} (their case {entry.CaseReference ?? "-"})", cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return items;
    }

    private async Task<ExchangeMessage> DecryptAsync(UnitOfWork unit, InboxEntry entry)
    {
        if (entry.Envelope.Length == 0)
            throw new CairnException($"message {entry.MessageId}: its content was deleted under the retention policy for received disclosures (docs/operations.md)");
        var sender = await SqlPartnerStore.GetAsync(unit, entry.SenderNode).ConfigureAwait(false);
        var wire = System.Text.Encoding.UTF8.GetBytes(entry.Envelope);
        // The validity window was checked on arrival; reading later must not fail because it has since expired.
        var createdAt = Envelope.Parse(wire).CreatedAt;
        var opened = EnvelopeOpener.Open(wire, _identity, id => id == sender.NodeId ? sender : null, createdAt);
        return ExchangeMessage.Parse(opened.Payload);
    }

    private static async Task<InboxEntry> LoadAsync(UnitOfWork unit, string messageId, bool forUpdate)
    {
        var row = await unit.QuerySingleOrDefaultAsync<ExchangeRows.Inbox>(
            $"SELECT {ExchangeRows.InboxColumns} FROM exchange_inbox WHERE message_id = @messageId" + (forUpdate ? unit.ForUpdate : ""), new { messageId }).ConfigureAwait(false);
        return row?.ToEntry() ?? throw new NotFoundException($"no received message '{messageId}'");
    }
}
