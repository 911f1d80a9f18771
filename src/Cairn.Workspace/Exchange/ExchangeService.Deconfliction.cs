using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Cases.Deconfliction;
using Cairn.Cases.Notifications;
using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Matching;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Store;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// Deconfliction across nodes (issue 18, docs/deconfliction.md): an agency sends a partner a match filter of its case addresses
/// (a Bloom filter of HMAC-SHA256 under a fresh key); the partner checks its own agency's case addresses against it and, on hits,
/// tells its agency (partner hit notices) and answers with the keyed hashes of the addresses that hit; the publisher recomputes the
/// keyed hashes of its own addresses, so it is told only of addresses it really holds (a false positive of the filter names nothing it
/// can resolve). Either side may then ask the other for contact by envelope. No case detail travels in any of these messages.
/// </summary>
public sealed partial class ExchangeService
{
    /// <summary>File name of the filter inside a match_filter envelope.</summary>
    public const string FilterAttachmentName = "match-filter.cmf";

    /// <summary>Builds a match filter of the agency's case addresses, records its key, and queues it for <see cref="FilterPublishRequest.To"/> (logged).</summary>
    public async Task<FilterPublished> PublishFilterAsync(Actor actor, FilterPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var to = ValidationException.Required(request.To, "to");
        var rate = request.FalsePositiveRate ?? 1e-6;
        if (rate is <= 0 or >= 1e-2) throw new ValidationException("false_positive_rate", $"false_positive_rate {rate} must be above 0 and below 0.01");
        var identity = _node.Required;
        if (await Resolve<IPartnerStore>().FindAsync(to, cancellationToken).ConfigureAwait(false) is null)
            throw new ValidationException("to", $"'{to}' is not a registered partner node (cairn exchange partner add)");
        var wallets = await OwnWalletsAsync(actor, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var filter = MatchFilter.Build(wallets.Select(w => w.Address), rate, identity.Card.NodeId, now);
        var bytes = filter.ToBytes();
        var filterId = Cairn.Storage.CairnIds.New(_time);
        var filters = Resolve<IMatchFilterStore>();
        await filters.RecordAsync(actor, new PublishedFilter(filterId, actor.Agency, to, null, filter.Salt, filter.Count, now, actor.User), CustodyRecord.HashOf(bytes), cancellationToken).ConfigureAwait(false);
        var message = new ExchangeMessage
        {
            Subject = "Deconfliction match filter",
            Body = new DeconflictionMessage { FilterId = filterId }.ToJson(),
            Attachments = [new MessageAttachment(FilterAttachmentName, "application/octet-stream", CustodyRecord.HashOf(bytes), bytes)],
        };
        var sent = await Resolve<IOutboxStore>().SendAsync(actor, identity, to, EnvelopeType.MatchFilter, message, cancellationToken).ConfigureAwait(false);
        await filters.SetMessageAsync(actor, filterId, sent.MessageId, cancellationToken).ConfigureAwait(false);
        return new FilterPublished(filterId, sent.MessageId, to, filter.Count, filter.Parameters.Bits, filter.Parameters.HashCount, filter.ExpectedFalsePositiveRate, bytes.Length);
    }

    /// <summary>
    /// Checks a received match_filter or match_hit message against the agency's case addresses: hits become partner hit notices (a filter
    /// with hits is answered), a contact request becomes a contact request notice. A damaged filter or body is one line naming the message.
    /// </summary>
    public async Task<FilterChecked> CheckFilterMessageAsync(Actor actor, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var id = ValidationException.Required(messageId, "id");
        var (entry, message) = await Inbox(_node.Required).ReadAsync(actor, id, cancellationToken).ConfigureAwait(false);
        var source = $"message {id}";
        var body = DeconflictionMessage.Parse(message.Body, source);
        var deconfliction = Resolve<IAddressDeconfliction>();
        if (entry.Type == EnvelopeTypes.Name(EnvelopeType.MatchFilter))
        {
            var attachment = message.Attachments.SingleOrDefault(a => a.FileName == FilterAttachmentName)
                ?? throw new CairnException($"{source}: no {FilterAttachmentName} attached");
            var filter = MatchFilter.ReadFrom(attachment.Content, $"{source} ({FilterAttachmentName})");
            var wallets = await OwnWalletsAsync(actor, cancellationToken).ConfigureAwait(false);
            var hashes = new List<string>();
            foreach (var wallet in wallets.Where(w => filter.Contains(w.Address)))
            {
                var hash = filter.KeyedHash(wallet.Address);
                if (await deconfliction.NotifyPartnerHitAsync(actor, wallet.Chain, wallet.Address, entry.SenderNode, body.FilterId, hash, cancellationToken).ConfigureAwait(false))
                    hashes.Add(hash);
            }
            string? answer = null;
            if (hashes.Count > 0) answer = (await SendDeconflictionAsync(actor, entry.SenderNode, new DeconflictionMessage { FilterId = body.FilterId, KeyedHashes = hashes }, id, cancellationToken).ConfigureAwait(false)).MessageId;
            await LogCheckAsync(actor, id, hashes.Count, cancellationToken).ConfigureAwait(false);
            return new FilterChecked(id, entry.Type, entry.SenderNode, wallets.Count, hashes.Count, 0, answer, wallets.Count * filter.ExpectedFalsePositiveRate);
        }
        if (entry.Type != EnvelopeTypes.Name(EnvelopeType.MatchHit))
            throw new ValidationException("id", $"{source} is a {entry.Type}, not a match_filter or match_hit");
        var keyed = body.KeyedHashes.ToHashSet(StringComparer.Ordinal);
        if (body.Contact)
        {
            // A contact request names a keyed hash of one of our earlier hits (theirs or ours): it resolves only through our own notices.
            var hits = await deconfliction.PartnerHitsAsync(actor, body.FilterId, keyed, cancellationToken).ConfigureAwait(false);
            foreach (var hit in hits.Where(h => h.Detail.Split(' ')[2] == entry.SenderNode))
                await deconfliction.NotifyPartnerContactAsync(actor, hit, body.User ?? "-", cancellationToken).ConfigureAwait(false);
            await LogCheckAsync(actor, id, hits.Count, cancellationToken).ConfigureAwait(false);
            return new FilterChecked(id, entry.Type, entry.SenderNode, hits.Count, 0, hits.Count, null, 0);
        }
        var published = await Resolve<IMatchFilterStore>().FindAsync(actor, body.FilterId, cancellationToken).ConfigureAwait(false);
        if (published is null || published.Partner != entry.SenderNode)
            throw new NotFoundException($"{source}: filter '{body.FilterId}' was not sent by agency {actor.Agency} to {entry.SenderNode}");
        var own = await OwnWalletsAsync(actor, cancellationToken).ConfigureAwait(false);
        var confirmed = 0;
        foreach (var wallet in own)
        {
            var hash = MatchFilter.KeyedHash(published.Key, wallet.Address);
            if (!keyed.Contains(hash)) continue;
            confirmed++;
            await deconfliction.NotifyPartnerHitAsync(actor, wallet.Chain, wallet.Address, entry.SenderNode, body.FilterId, hash, cancellationToken).ConfigureAwait(false);
        }
        await LogCheckAsync(actor, id, confirmed, cancellationToken).ConfigureAwait(false);
        return new FilterChecked(id, entry.Type, entry.SenderNode, own.Count, confirmed, 0, null, 0);
    }

    /// <summary>Answers a partner hit notice by asking the partner node for contact: a match_hit envelope naming the keyed hash only (logged).</summary>
    public async Task<Notification> RequestPartnerContactAsync(Actor actor, Notification hit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(hit);
        if (hit.Kind != NotificationKinds.PartnerHit || hit.Detail.Split(' ') is not [var chain, var address, var node, var filterId, var hash])
            throw new CairnException($"notice '{hit.Id}' is not a partner hit");
        var sent = await SendDeconflictionAsync(actor, node, new DeconflictionMessage { FilterId = filterId, KeyedHashes = [hash], Contact = true, User = actor.User }, null, cancellationToken).ConfigureAwait(false);
        await Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "deconfliction.contact", "address",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{chain}:{address}"))), CustodyRecord.HashOf($"{actor.Agency}|{node}|{sent.MessageId}")), cancellationToken).ConfigureAwait(false);
        return hit with { Agency = node };
    }

    private async Task<OutboxEntry> SendDeconflictionAsync(Actor actor, string to, DeconflictionMessage body, string? replyTo, CancellationToken cancellationToken)
    {
        var message = new ExchangeMessage { Subject = body.Contact ? "Deconfliction: contact requested" : "Deconfliction: match", Body = body.ToJson(), InReplyTo = replyTo };
        return await Resolve<IOutboxStore>().SendAsync(actor, _node.Required, to, EnvelopeType.MatchHit, message, cancellationToken).ConfigureAwait(false);
    }

    private Task LogCheckAsync(Actor actor, string messageId, int hits, CancellationToken cancellationToken) =>
        Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "deconfliction.filter.check", "envelope", messageId, CustodyRecord.HashOf($"{hits}")), cancellationToken);

    /// <summary>The addresses (with their chains) of the cases the actor's agency owns; shared-in cases belong to their owners' filters.</summary>
    private async Task<IReadOnlyList<(string Chain, string Address)>> OwnWalletsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var store = Resolve<ICaseStore>();
        var wallets = new List<(string Chain, string Address)>();
        foreach (var summary in await store.ListAsync(actor, cancellationToken).ConfigureAwait(false))
        {
            if (summary.OwningAgency != actor.Agency) continue;
            wallets.AddRange((await store.GetAsync(actor, summary.Reference, cancellationToken).ConfigureAwait(false)).Wallets.Select(w => (w.Chain, w.Address)));
        }
        return wallets.Distinct().ToList();
    }
}
