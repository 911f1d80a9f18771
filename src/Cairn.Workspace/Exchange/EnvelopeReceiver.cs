using System.Data.Common;
using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Nodes;
using Cairn.Storage;
using Cairn.Exchange.Store;
using Cairn.Storage.Exchange;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// Takes an envelope off the wire: checks it (<see cref="EnvelopeOpener"/>) against the registered
/// sender, then stores it with its signed delivery receipt (<see cref="IInboxStore.StoreReceivedAsync"/>).
/// A message id seen before with the same digest is a duplicate (a retry after a lost answer): nothing
/// is stored and the original receipt is returned, which is what makes delivery exactly-once. The same
/// id with a different digest is a replay and rejected. Every rejection is kept in a capped table and
/// the server log, never in the custody log (the sender is not authenticated); nothing from a
/// rejected envelope reaches case data.
/// </summary>
public sealed class EnvelopeReceiver
{
    private readonly IPartnerStore _partners;
    private readonly IInboxStore _inbox;
    private readonly NodeIdentity _identity;
    private readonly TimeProvider _time;

    public EnvelopeReceiver(IPartnerStore partners, IInboxStore inbox, NodeIdentity identity, TimeProvider time)
    {
        _partners = partners;
        _inbox = inbox;
        _identity = identity;
        _time = time;
    }

    /// <summary>The receiver of the node <paramref name="identity"/> over an installation's database.</summary>
    public EnvelopeReceiver(CairnDatabase database, NodeIdentity identity)
        : this(new SqlPartnerStore(database), new SqlInbox(database, identity), identity, database.Time)
    {
    }

    public async Task<ReceiveOutcome> ReceiveAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var inbox = _inbox;
        OpenedEnvelope opened;
        try
        {
            NodeCard? sender = null;
            try
            {
                sender = await _partners.FindAsync(Envelope.Parse(body).Sender, cancellationToken).ConfigureAwait(false);
            }
            catch (EnvelopeRejectedException)
            {
                // Malformed: Open below reports it with the precise message.
            }
            opened = EnvelopeOpener.Open(body, _identity, id => sender?.NodeId == id ? sender : null, _time.GetUtcNow());
        }
        catch (EnvelopeRejectedException rejected)
        {
            return await inbox.RecordRejectionAsync(body, rejected, cancellationToken).ConfigureAwait(false);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await inbox.StoreReceivedAsync(opened, cancellationToken).ConfigureAwait(false);
            }
            catch (EnvelopeRejectedException rejected)
            {
                return await inbox.RecordRejectionAsync(body, rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (CairnException invalid)
            {
                // Authentic but unusable content (unreadable payload, a receipt for a message we never sent).
                var rejected = new EnvelopeRejectedException(RejectionReason.Malformed,
                    $"envelope {opened.Envelope.MessageId} from '{opened.Envelope.Sender}' rejected (malformed): {invalid.Message}", invalid);
                return await inbox.RecordRejectionAsync(body, rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException) when (attempt == 1)
            {
                // Two copies raced past the existence check (PostgreSQL, read committed): the unique
                // message id stopped the second; run again and it is a duplicate.
            }
        }
    }
}
