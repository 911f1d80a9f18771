using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Exchange.Delivery;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Store;
using Cairn.Workspace.Evidence;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// Node-to-node exchange (docs/exchange.md): this node's identity, partners registered after
/// comparing fingerprints, sealed messages sent through the outbox and delivered by the courier,
/// received envelopes checked and stored exactly once, read and accepted into cases (attachments
/// become evidence, a signed acceptance receipt goes back), FIU disclosures under their terms.
/// Formats for FIUs and VASPs (goAML, IVMS101) and private matching: ExchangeService.Formats.cs.
/// </summary>
public sealed partial class ExchangeService
{
    private readonly IServiceProvider _services;
    private readonly ExchangeNode _node;
    private readonly WorkspaceOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;

    public ExchangeService(IServiceProvider services, ExchangeNode node, WorkspaceOptions options, IHttpClientFactory http, TimeProvider time)
    {
        _services = services;
        _node = node;
        _options = options;
        _http = http;
        _time = time;
    }

    // Stores are resolved on use: node init and show need no database.
    private IInboxStore Inbox(NodeIdentity identity) => Resolve<Func<NodeIdentity, IInboxStore>>()(identity);

    private T Resolve<T>() where T : notnull => (T)(_services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered"));

    /// <summary>Creates this node's signing and encryption keys in the data directory (refused when it already has them).</summary>
    public NodeCardView InitNode(Actor actor, NodeInitRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        using var identity = NodeKeyFiles.Create(_options.DataDirectory, ValidationException.Required(request.Id, "id"), ValidationException.Required(request.Name, "name"),
            actor.Agency, ValidationException.Required(request.Country, "country"), ValidationException.Required(request.Endpoint, "endpoint"));
        return NodeCardView.Of(identity.Card);
    }

    /// <summary>This node's card, or a <see cref="CairnException"/> when the node is not initialised.</summary>
    public NodeCard NodeCard() => _node.Required.Card;

    /// <summary>This node's card when it is initialised, else null (the exchange endpoints answer 503).</summary>
    public NodeCard? NodeCardOrNull() => _node.Identity?.Card;

    /// <summary>Registers a partner from its card file or URL; refused when the signing fingerprint is not the expected one.</summary>
    public async Task<NodeCardView> AddPartnerAsync(Actor actor, PartnerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        NodeCard parsed;
        if (request.CardFile is { } file)
        {
            if (!File.Exists(file)) throw new ValidationException("card", $"node card file {file} does not exist");
            parsed = Cairn.Exchange.Nodes.NodeCard.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file);
        }
        else if (request.Url is { } address)
        {
            var nodeUrl = address.TrimEnd('/') + "/exchange/v1/node";
            string json;
            try
            {
                json = await _http.CreateClient(WorkspaceServiceCollectionExtensions.ExchangeHttpClient).GetStringAsync(new Uri(nodeUrl), cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new CairnException($"cannot fetch {nodeUrl}: {ex.Message}", ex);
            }
            catch (UriFormatException ex)
            {
                throw new ValidationException("url", $"malformed partner URL '{address}'", ex);
            }
            parsed = Cairn.Exchange.Nodes.NodeCard.Parse(json, nodeUrl);
        }
        else throw new ValidationException("card", "give the partner's card file or URL");
        if (request.ExpectFingerprint is { } expected && Normalize(expected) != Normalize(parsed.SigningFingerprint))
            throw new ValidationException("expect_fingerprint", $"partner '{parsed.NodeId}' signing fingerprint is {parsed.SigningFingerprint}, not the expected {expected}: not registered");
        return NodeCardView.Of(await Resolve<IPartnerStore>().AddAsync(actor, parsed, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Page<NodeCardView>> PartnersAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        (await Resolve<IPartnerStore>().ListAsync(page, cancellationToken).ConfigureAwait(false)).Map(NodeCardView.Of);

    /// <summary>Seals a message for a partner and queues it in the outbox (logged; about a case the actor can see, when one is named).</summary>
    public async Task<OutboxView> SendAsync(Actor actor, SendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var type = ParseType(ValidationException.Required(request.Type, "type"));
        if (type == EnvelopeType.Receipt) throw new ValidationException("type", "receipts are sent when a message is accepted, not by hand");
        if (type is EnvelopeType.MatchFilter or EnvelopeType.MatchHit)
            throw new ValidationException("type", "match filters and their answers are sent by 'cairn exchange filter publish' and 'cairn exchange filter check', not by hand");
        var identity = _node.Required;
        var attachments = new List<MessageAttachment>();
        foreach (var file in request.Files ?? [])
        {
            if (!File.Exists(file)) throw new ValidationException("file", $"file {file} does not exist");
            attachments.Add(ExchangeMessage.Attach(file, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false)));
        }
        DisclosureTerms? terms = null;
        if (type == EnvelopeType.FiuDisclosure)
        {
            terms = new DisclosureTerms
            {
                DisclosingAgency = identity.Card.Agency,
                Purpose = request.Purpose ?? throw new ValidationException("purpose", "an FIU disclosure needs a purpose (Egmont Principles: use only for the stated purpose)"),
                HandlingRestrictions = request.Restrictions ?? [],
                OnwardConsent = request.Consents ?? [],
            };
        }
        var message = new ExchangeMessage
        {
            Subject = request.Subject ?? $"{EnvelopeTypes.Name(type)} from {identity.Card.Agency}",
            Body = request.Body ?? "",
            CaseReference = request.CaseReference,
            InReplyTo = request.ReplyTo,
            Attachments = attachments,
            Disclosure = terms,
        };
        return OutboxView.Of(await Resolve<IOutboxStore>().SendAsync(actor, identity, ValidationException.Required(request.To, "to"), type, message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// One page of the outbox: with <paramref name="ownAgencyOnly"/>, only what users of the actor's
    /// agency sent (the web view), logged as "exchange.list"; otherwise the node's whole outbox (the
    /// installation's operator at the command line).
    /// </summary>
    public async Task<Page<OutboxView>> OutboxAsync(Actor actor, PageRequest page, bool ownAgencyOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entries = await Resolve<IOutboxStore>().ListAsync(ownAgencyOnly ? actor.Agency : null, page, cancellationToken).ConfigureAwait(false);
        if (ownAgencyOnly) await Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "exchange.list", "outbox", actor.Agency, ""), cancellationToken).ConfigureAwait(false);
        return entries.Map(OutboxView.Of);
    }

    /// <summary>One page of the node's inbox (empty before the node is initialised: nothing can have arrived), logged as "exchange.list".</summary>
    public async Task<Page<InboxView>> InboxAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var entries = _node.Identity is { } identity
            ? await Inbox(identity).ListAsync(page, cancellationToken).ConfigureAwait(false)
            : Page<InboxEntry>.Of([], page, 0);
        await Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "exchange.list", "inbox", "*", ""), cancellationToken).ConfigureAwait(false);
        return entries.Map(InboxView.Of);
    }

    /// <summary>Decrypts a received message for reading (logged).</summary>
    public async Task<ReceivedMessage> ReadAsync(Actor actor, string messageId, CancellationToken cancellationToken = default)
    {
        var (entry, message) = await Inbox(_node.Required).ReadAsync(actor, ValidationException.Required(messageId, "id"), cancellationToken).ConfigureAwait(false);
        return new ReceivedMessage(InboxView.Of(entry), message.Subject, message.Body, message.CaseReference, message.InReplyTo, message.Disclosure,
            message.Attachments.Select(a => new ReceivedMessage.Attachment(a.FileName, a.MediaType, a.Sha256, a.Content.Length)).ToList());
    }

    /// <summary>Accepts a received message, optionally into a case (its attachments become evidence); a signed acceptance receipt is queued back.</summary>
    public async Task<AcceptedView> AcceptAsync(Actor actor, string messageId, string? caseReference, CancellationToken cancellationToken = default)
    {
        var accepted = await Inbox(_node.Required).AcceptAsync(actor, ValidationException.Required(messageId, "id"), caseReference, cancellationToken).ConfigureAwait(false);
        return new AcceptedView(InboxView.Of(accepted.Entry), accepted.ReceiptMessageId,
            accepted.Evidence.Select(e => new AcceptedView.EvidenceFile(e.Id, e.FileName, e.Sha256)).ToList());
    }

    /// <summary>One delivery pass over the due outbox messages (the server runs this continuously).</summary>
    public Task<CourierPass> DeliverAsync(int limit, RetryPolicy? policy = null, CancellationToken cancellationToken = default) =>
        new OutboxCourier(Resolve<IOutboxStore>(), Resolve<IPartnerStore>(), _node.Required, _http.CreateClient(WorkspaceServiceCollectionExtensions.ExchangeHttpClient),
            policy ?? new RetryPolicy(Random.Shared), _time)
            .DeliverDueAsync(limit, cancellationToken);

    /// <summary>Delivers due messages when the node is initialised; nothing otherwise.</summary>
    public async Task<CourierPass?> DeliverIfInitialisedAsync(int limit, RetryPolicy policy, CancellationToken cancellationToken = default) =>
        _node.Identity is null ? null : await DeliverAsync(limit, policy, cancellationToken).ConfigureAwait(false);

    /// <summary>An envelope off the wire: checked, stored once with its signed delivery receipt, or rejected (stored and logged).</summary>
    public Task<ReceiveOutcome> ReceiveAsync(byte[] body, CancellationToken cancellationToken = default) =>
        new EnvelopeReceiver(Resolve<IPartnerStore>(), Inbox(_node.Required), _node.Required, _time).ReceiveAsync(body, cancellationToken);

    /// <summary>Attaches an accepted FIU disclosure to a case (refused for a third agency's case without recorded consent).</summary>
    public Task AttachDisclosureAsync(Actor actor, string messageId, string caseReference, CancellationToken cancellationToken = default) =>
        Resolve<IDisclosureStore>().AttachAsync(actor, ValidationException.Required(messageId, "message"), ValidationException.Required(caseReference, "case"), cancellationToken);

    /// <summary>Records the disclosing FIU's consent to onward dissemination to <paramref name="agency"/>, evidenced by a message received from it.</summary>
    public Task RecordConsentAsync(Actor actor, string messageId, string agency, string evidenceMessageId, CancellationToken cancellationToken = default) =>
        Resolve<IDisclosureStore>().RecordConsentAsync(actor, ValidationException.Required(messageId, "message"), ValidationException.Required(agency, "agency"),
            ValidationException.Required(evidenceMessageId, "evidence"), cancellationToken);

    private static EnvelopeType ParseType(string text)
    {
        try
        {
            return EnvelopeTypes.Parse(text);
        }
        catch (CairnException ex) when (ex.Field is null)
        {
            throw new ValidationException("type", ex.Message, ex);
        }
    }

    private static string Normalize(string fingerprint) => new(fingerprint.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant).ToArray());
}
