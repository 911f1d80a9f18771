using System.CommandLine;
using Cairn.Core.Paging;
using Cairn.Workspace.Exchange;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn exchange`: this node's identity, partner nodes, sending and receiving sealed messages,
/// FIU disclosure rules, goAML export and IVMS101 import (docs/exchange.md); each one call into
/// <see cref="ExchangeService"/>. Acting user and agency as for `cairn case` (--as, --agency).
/// </summary>
internal static partial class ExchangeCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("exchange", "Node-to-node exchange with partner agencies (also: match)");
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
        group.Subcommands.Add(ExchangeFilterCommands.Build(host));
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
        host.SetAction(command, (ctx, parse) =>
        {
            var exchange = ctx.Get<ExchangeService>();
            exchange.InitNode(ctx.Actor, new NodeInitRequest(parse.GetValue(id), parse.GetValue(name), parse.GetValue(country), parse.GetValue(endpoint)));
            return PrintCard(ctx, exchange, parse.GetValue(cardOut));
        });
        return command;
    }

    private static Command BuildNodeShow(CliHost host)
    {
        var cardOut = new Option<string?>("--card-out") { Description = "Write the public node card to this file (give it to partners)" };
        var command = new Command("show", "Show this node's card and key fingerprints") { cardOut };
        host.SetAction(command, (ctx, parse) => PrintCard(ctx, ctx.Get<ExchangeService>(), parse.GetValue(cardOut)));
        return command;
    }

    private static Command BuildPartnerAdd(CliHost host)
    {
        var card = new Option<string?>("--card") { Description = "The partner's node card file" };
        var url = new Option<string?>("--url") { Description = "The partner's base URL (fetches GET /exchange/v1/node)" };
        var expect = new Option<string?>("--expect-fingerprint") { Description = "Signing-key fingerprint read to you out of band; registration fails if it differs" };
        var command = new Command("add", "Register a partner node from its card file or URL; prints fingerprints to compare") { card, url, expect };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var added = await ctx.Get<ExchangeService>().AddPartnerAsync(ctx.Actor, new PartnerRequest(parse.GetValue(card), parse.GetValue(url), parse.GetValue(expect)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(added);
            else ctx.Output.WriteLine($"registered partner {added.NodeId} ({added.Name}, {added.Agency}, {added.Country}) at {added.Endpoint}\n  signing fingerprint    {added.SigningFingerprint}\n  encryption fingerprint {added.EncryptionFingerprint}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildPartnerList(CliHost host)
    {
        var command = new Command("list", "Registered partner nodes with their fingerprints");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var partners = (await ctx.Get<ExchangeService>().PartnersAsync(PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
            if (ctx.Json)
            {
                ctx.WriteJson(partners);
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
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var request = new SendRequest(parse.GetValue(to), parse.GetValue(type), parse.GetValue(files) ?? [], parse.GetValue(reference), parse.GetValue(subject), parse.GetValue(body),
                parse.GetValue(replyTo), parse.GetValue(purpose), parse.GetValue(restrictions) ?? [], parse.GetValue(consents) ?? []);
            var entry = await ctx.Get<ExchangeService>().SendAsync(ctx.Actor, request, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(entry);
            else ctx.Output.WriteLine($"queued {entry.Type} {entry.MessageId} for {entry.RecipientNode} (digest {entry.EnvelopeDigest[..16]}…, expires {CaseCommands.Time(entry.ExpiresAt)})");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildOutbox(CliHost host)
    {
        var command = new Command("outbox", "Sent messages: delivered at … / accepted at …, attempts, last error");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var entries = (await ctx.Get<ExchangeService>().OutboxAsync(ctx.Actor, PageRequest.All, ownAgencyOnly: false, cancellationToken).ConfigureAwait(false)).Items;
            if (ctx.Json)
            {
                ctx.WriteJson(entries);
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
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var entries = (await ctx.Get<ExchangeService>().InboxAsync(ctx.Actor, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
            if (ctx.Json)
            {
                ctx.WriteJson(entries);
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
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var view = await ctx.Get<ExchangeService>().ReadAsync(ctx.Actor, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(view);
            else
            {
                ctx.Output.WriteLine($"{view.Message.Type} {view.Message.MessageId} from {view.Message.SenderNode} ({view.Message.State})\nsubject: {view.Subject}\n{view.Body}");
                if (view.Disclosure is { } d) ctx.Output.WriteLine($"purpose: {d.Purpose}; restrictions: {string.Join(", ", d.HandlingRestrictions)}; onward consent: {string.Join(", ", d.OnwardConsent)}");
                foreach (var a in view.Attachments) ctx.Output.WriteLine($"attachment {a.FileName} ({a.SizeBytes} bytes, sha256 {a.Sha256})");
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
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var accepted = await ctx.Get<ExchangeService>().AcceptAsync(ctx.Actor, parse.GetValue(id)!, parse.GetValue(reference), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(accepted);
            else ctx.Output.WriteLine($"accepted {accepted.Message.MessageId} at {CaseCommands.Time(accepted.Message.AcceptedAt)}; acceptance receipt queued as {accepted.ReceiptMessageId}; {accepted.Evidence.Count} evidence file(s) added");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildDeliver(CliHost host)
    {
        var command = new Command("deliver", "Make one delivery pass over the outbox (for scripts; the server does this continuously)");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var pass = await ctx.Get<ExchangeService>().DeliverAsync(500, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(pass);
            else ctx.Output.WriteLine($"{pass.Delivered} delivered, {pass.Failed} failed (will retry), {pass.Expired} expired, {pass.Rejected} rejected by the partner");
            return CliHost.Success;
        });
        return command;
    }

    private static int PrintCard(CliContext ctx, ExchangeService exchange, string? cardOut)
    {
        var card = exchange.NodeCard();
        if (cardOut is not null) File.WriteAllText(cardOut, card.ToJson());
        var view = NodeCardView.Of(card);
        if (ctx.Json) ctx.WriteJson(view);
        else ctx.Output.WriteLine($"node {view.NodeId} ({view.Name}, {view.Agency}, {view.Country}) at {view.Endpoint}\n  signing fingerprint    {view.SigningFingerprint}\n  encryption fingerprint {view.EncryptionFingerprint}" + (cardOut is null ? "" : $"\n  card written to {cardOut}"));
        return CliHost.Success;
    }
}
