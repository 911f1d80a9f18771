using System.CommandLine;
using Cairn.Core;
using Cairn.Exchange.Delivery;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Storage;
using Cairn.Storage.Exchange;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn exchange`: this node's identity, partner nodes, sending and receiving sealed messages,
/// FIU disclosure rules, goAML export and IVMS101 import (docs/exchange.md). Acting user and
/// agency as for `cairn case` (--as, --agency).
/// </summary>
internal static partial class ExchangeCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("exchange", "Node-to-node exchange with partner agencies (also: match)") { CaseCommands.AsOption, CaseCommands.AgencyOption };
        var node = new Command("node", "This installation's exchange node: init, show");
        node.Subcommands.Add(BuildNodeInit(host));
        node.Subcommands.Add(BuildNodeShow(host));
        var partner = new Command("partner", "Partner nodes: add, list");
        partner.Subcommands.Add(BuildPartnerAdd(host));
        partner.Subcommands.Add(BuildPartnerList(host));
        group.Subcommands.Add(node);
        group.Subcommands.Add(partner);
        group.Subcommands.Add(BuildSend(host));
        group.Subcommands.Add(BuildOutbox(host));
        group.Subcommands.Add(BuildInbox(host));
        group.Subcommands.Add(BuildShow(host));
        group.Subcommands.Add(BuildAccept(host));
        group.Subcommands.Add(BuildDeliver(host));
        group.Subcommands.Add(BuildFiu(host));
        group.Subcommands.Add(BuildGoAml(host));
        group.Subcommands.Add(BuildImportIvms101(host));
        return group;
    }

    private static Command BuildNodeInit(CliHost host)
    {
        var id = new Option<string>("--id") { Description = "Node id partners will know this node by (e.g. nl-fiu-1)", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var country = new Option<string>("--country") { Description = "ISO 3166-1 alpha-2 of the agency's State", Required = true };
        var endpoint = new Option<string>("--endpoint") { Description = "Base URL partners deliver to (https://…)", Required = true };
        var cardOut = new Option<string?>("--card-out") { Description = "Also write the public node card to this file" };
        var command = new Command("init", "Create this node's signing and encryption keys (in the data directory)") { id, name, country, endpoint, cardOut };
        host.SetAction(command, (ctx, parseResult) =>
        {
            var actor = CaseCommands.ActorFrom(parseResult);
            using var identity = NodeKeyFiles.Create(ctx.DataDirectory, parseResult.GetValue(id)!, parseResult.GetValue(name)!, actor.Agency, parseResult.GetValue(country)!, parseResult.GetValue(endpoint)!);
            return PrintCard(ctx, identity.Card, parseResult.GetValue(cardOut));
        });
        return command;
    }

    private static Command BuildNodeShow(CliHost host)
    {
        var cardOut = new Option<string?>("--card-out") { Description = "Write the public node card to this file (give it to partners)" };
        var command = new Command("show", "Show this node's card and key fingerprints") { cardOut };
        host.SetAction(command, (ctx, parseResult) =>
        {
            using var identity = NodeKeyFiles.Load(ctx.DataDirectory);
            return PrintCard(ctx, identity.Card, parseResult.GetValue(cardOut));
        });
        return command;
    }

    private static Command BuildPartnerAdd(CliHost host)
    {
        var card = new Option<string?>("--card") { Description = "The partner's node card file" };
        var url = new Option<string?>("--url") { Description = "The partner's base URL (fetches GET /exchange/v1/node)" };
        var expect = new Option<string?>("--expect-fingerprint") { Description = "Signing-key fingerprint read to you out of band; registration fails if it differs" };
        var command = new Command("add", "Register a partner node from its card file or URL; prints fingerprints to compare") { card, url, expect };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            NodeCard parsed;
            if (parseResult.GetValue(card) is { } file)
            {
                if (!File.Exists(file)) throw new CairnException($"node card file {file} does not exist");
                parsed = NodeCard.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file);
            }
            else if (parseResult.GetValue(url) is { } address)
            {
                using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };
                var nodeUrl = address.TrimEnd('/') + "/exchange/v1/node";
                string json;
                try
                {
                    json = await http.GetStringAsync(new Uri(nodeUrl), cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    throw new CairnException($"cannot fetch {nodeUrl}: {ex.Message}", ex);
                }
                parsed = NodeCard.Parse(json, nodeUrl);
            }
            else throw new CairnException("give the partner's --card FILE or --url URL");
            var expected = parseResult.GetValue(expect);
            if (expected is not null && Normalize(expected) != Normalize(parsed.SigningFingerprint))
                throw new CairnException($"partner '{parsed.NodeId}' signing fingerprint is {parsed.SigningFingerprint}, not the expected {expected}: not registered");
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var added = await new SqlPartnerStore(database).AddAsync(CaseCommands.ActorFrom(parseResult), parsed, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(CardView(added));
            else ctx.Output.WriteLine($"registered partner {added.NodeId} ({added.Name}, {added.Agency}, {added.Country}) at {added.Endpoint}\n  signing fingerprint    {added.SigningFingerprint}\n  encryption fingerprint {added.EncryptionFingerprint}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildPartnerList(CliHost host)
    {
        var command = new Command("list", "Registered partner nodes with their fingerprints");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var partners = await new SqlPartnerStore(database).ListAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(partners.Select(CardView));
                return CliHost.Success;
            }
            var table = new Table().AddColumns("node", "agency", "country", "endpoint", "signing fingerprint");
            foreach (var p in partners) table.AddRow(Markup.Escape(p.NodeId), Markup.Escape(p.Agency), p.Country, Markup.Escape(p.Endpoint), p.SigningFingerprint);
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildSend(CliHost host)
    {
        var to = new Option<string>("--to") { Description = "Partner node id", Required = true };
        var type = new Option<string>("--type") { Description = "request | response | fiu_disclosure | fiu_request | ack", Required = true };
        var files = new Option<string[]>("--file") { Description = "File to attach (repeatable)", AllowMultipleArgumentsPerToken = false };
        var reference = new Option<string?>("--case") { Description = "Our case reference the message is about" };
        var subject = new Option<string?>("--subject") { Description = "Subject line" };
        var body = new Option<string?>("--body") { Description = "Message text" };
        var replyTo = new Option<string?>("--reply-to") { Description = "Message id this answers" };
        var purpose = new Option<string?>("--purpose") { Description = "FIU disclosure: the purpose the information may be used for" };
        var restrictions = new Option<string[]>("--restriction") { Description = "FIU disclosure: handling restriction code (repeatable)" };
        var consents = new Option<string[]>("--consent") { Description = "FIU disclosure: agency consented to for onward dissemination (repeatable)" };
        var command = new Command("send", "Seal a message for a partner and queue it in the outbox") { to, type, files, reference, subject, body, replyTo, purpose, restrictions, consents };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var messageType = EnvelopeTypes.Parse(parseResult.GetValue(type)!);
            if (messageType == EnvelopeType.Receipt) throw new CairnException("receipts are sent by 'cairn exchange accept', not by hand");
            var actor = CaseCommands.ActorFrom(parseResult);
            using var identity = NodeKeyFiles.Load(ctx.DataDirectory);
            var attachments = new List<MessageAttachment>();
            foreach (var file in parseResult.GetValue(files) ?? [])
            {
                if (!File.Exists(file)) throw new CairnException($"file {file} does not exist");
                attachments.Add(ExchangeMessage.Attach(file, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false)));
            }
            DisclosureTerms? terms = null;
            if (messageType == EnvelopeType.FiuDisclosure)
            {
                terms = new DisclosureTerms
                {
                    DisclosingAgency = identity.Card.Agency,
                    Purpose = parseResult.GetValue(purpose) ?? throw new CairnException("an FIU disclosure needs --purpose (Egmont Principles: use only for the stated purpose)"),
                    HandlingRestrictions = parseResult.GetValue(restrictions) ?? [],
                    OnwardConsent = parseResult.GetValue(consents) ?? [],
                };
            }
            var message = new ExchangeMessage
            {
                Subject = parseResult.GetValue(subject) ?? $"{EnvelopeTypes.Name(messageType)} from {identity.Card.Agency}",
                Body = parseResult.GetValue(body) ?? "",
                CaseReference = parseResult.GetValue(reference),
                InReplyTo = parseResult.GetValue(replyTo),
                Attachments = attachments,
                Disclosure = terms,
            };
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var entry = await new SqlOutbox(database).SendAsync(actor, identity, parseResult.GetValue(to)!, messageType, message, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(OutboxView(entry));
            else ctx.Output.WriteLine($"queued {entry.Type} {entry.MessageId} for {entry.RecipientNode} (digest {entry.EnvelopeDigest[..16]}…, expires {CaseCommands.Time(entry.ExpiresAt)})");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildOutbox(CliHost host)
    {
        var command = new Command("outbox", "Sent messages: delivered at … / accepted at …, attempts, last error");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var entries = await new SqlOutbox(database).ListAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(entries.Select(OutboxView));
                return CliHost.Success;
            }
            var table = new Table().AddColumns("message", "to", "type", "subject", "state", "delivered at", "accepted at", "attempts", "last error");
            foreach (var e in entries)
                table.AddRow(e.MessageId, Markup.Escape(e.RecipientNode), e.Type, Markup.Escape(e.Subject), e.State, CaseCommands.Time(e.DeliveredAt), CaseCommands.Time(e.AcceptedAt), e.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.LastError));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildInbox(CliHost host)
    {
        var command = new Command("inbox", "Received messages (still sealed until read or accepted)");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            using var identity = NodeKeyFiles.Load(ctx.DataDirectory);
            var entries = await new SqlInbox(database, identity).ListAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(entries.Select(InboxView));
                return CliHost.Success;
            }
            var table = new Table().AddColumns("message", "from", "type", "subject", "their case", "reply to", "received at", "state", "accepted at");
            foreach (var e in entries)
                table.AddRow(e.MessageId, Markup.Escape(e.SenderNode), e.Type, Markup.Escape(e.Subject), Markup.Escape(e.CaseReference ?? ""), e.InReplyTo ?? "", CaseCommands.Time(e.ReceivedAt), e.State, CaseCommands.Time(e.AcceptedAt));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildShow(CliHost host)
    {
        var id = new Argument<string>("ID") { Description = "Message id" };
        var command = new Command("show", "Decrypt and show a received message (logged)") { id };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            using var identity = NodeKeyFiles.Load(ctx.DataDirectory);
            var (entry, message) = await new SqlInbox(database, identity).ReadAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            var view = new
            {
                Message = InboxView(entry), message.Subject, message.Body, message.CaseReference, message.InReplyTo, message.Disclosure,
                Attachments = message.Attachments.Select(a => new { a.FileName, a.MediaType, a.Sha256, SizeBytes = a.Content.Length }),
            };
            if (ctx.Json) ctx.WriteJson(view);
            else
            {
                ctx.Output.WriteLine($"{entry.Type} {entry.MessageId} from {entry.SenderNode} ({entry.State})\nsubject: {message.Subject}\n{message.Body}");
                if (message.Disclosure is { } d) ctx.Output.WriteLine($"purpose: {d.Purpose}; restrictions: {string.Join(", ", d.HandlingRestrictions)}; onward consent: {string.Join(", ", d.OnwardConsent)}");
                foreach (var a in message.Attachments) ctx.Output.WriteLine($"attachment {a.FileName} ({a.Content.Length} bytes, sha256 {a.Sha256})");
            }
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildAccept(CliHost host)
    {
        var id = new Argument<string>("ID") { Description = "Message id" };
        var reference = new Option<string?>("--case") { Description = "Case to accept the message into (attachments become its evidence)" };
        var command = new Command("accept", "Accept a received message; a signed acceptance receipt goes back to the sender") { id, reference };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            using var identity = NodeKeyFiles.Load(ctx.DataDirectory);
            var accepted = await new SqlInbox(database, identity).AcceptAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(id)!, parseResult.GetValue(reference), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new { Message = InboxView(accepted.Entry), accepted.ReceiptMessageId, Evidence = accepted.Evidence.Select(e => new { e.Id, e.FileName, e.Sha256 }) });
            else ctx.Output.WriteLine($"accepted {accepted.Entry.MessageId} at {CaseCommands.Time(accepted.Entry.AcceptedAt)}; acceptance receipt queued as {accepted.ReceiptMessageId}; {accepted.Evidence.Count} evidence file(s) added");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildDeliver(CliHost host)
    {
        var command = new Command("deliver", "Make one delivery pass over the outbox (for scripts; the server does this continuously)");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            using var identity = NodeKeyFiles.Load(ctx.DataDirectory);
            using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };
            var pass = await new OutboxCourier(database, identity, http, new RetryPolicy(Random.Shared)).DeliverDueAsync(500, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(pass);
            else ctx.Output.WriteLine($"{pass.Delivered} delivered, {pass.Failed} failed (will retry), {pass.Expired} expired, {pass.Rejected} rejected by the partner");
            return CliHost.Success;
        });
        return command;
    }

    private static int PrintCard(CliContext ctx, NodeCard card, string? cardOut)
    {
        if (cardOut is not null) File.WriteAllText(cardOut, card.ToJson());
        if (ctx.Json) ctx.WriteJson(CardView(card));
        else ctx.Output.WriteLine($"node {card.NodeId} ({card.Name}, {card.Agency}, {card.Country}) at {card.Endpoint}\n  signing fingerprint    {card.SigningFingerprint}\n  encryption fingerprint {card.EncryptionFingerprint}" + (cardOut is null ? "" : $"\n  card written to {cardOut}"));
        return CliHost.Success;
    }

    private static string Normalize(string fingerprint) => new(fingerprint.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant).ToArray());

    private static object CardView(NodeCard c) => new { c.NodeId, c.Name, c.Agency, c.Country, c.Endpoint, c.SigningFingerprint, c.EncryptionFingerprint, c.SigningKey, c.EncryptionKey };

    private static object OutboxView(OutboxEntry e) => new
    {
        e.MessageId, e.RecipientNode, e.Type, e.Subject, e.CaseReference, e.InReplyTo, e.EnvelopeDigest, e.State, e.Attempts,
        e.CreatedAt, e.ExpiresAt, e.NextAttemptAt, e.DeliveredAt, e.AcceptedAt, e.LastError, e.SentBy,
    };

    private static object InboxView(InboxEntry e) => new
    {
        e.MessageId, e.SenderNode, e.Type, e.Subject, e.CaseReference, e.InReplyTo, e.EnvelopeDigest, e.State, e.ReceivedAt, e.AcceptedAt, e.AcceptedBy, e.LocalCase,
    };
}
