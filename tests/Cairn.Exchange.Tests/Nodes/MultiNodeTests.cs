using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Exchange.Envelopes;
using Cairn.Storage.Exchange;

namespace Cairn.Exchange.Tests.Nodes;

/// <summary>
/// Two and three installations as real `cairn serve` processes on 127.0.0.1, each with its own
/// SQLite database, exchanging sealed envelopes over HTTP (issue 9).
/// </summary>
[Collection("real node processes")]
public sealed class MultiNodeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<NodeProcess> _nodes = [];

    public void Dispose()
    {
        foreach (var node in _nodes) node.Dispose();
    }

    private NodeProcess Node(string id, string agency, string country)
    {
        var node = new NodeProcess(id);
        _nodes.Add(node);
        node.Cli("exchange", "node", "init", "--id", id, "--name", id, "--country", country, "--endpoint", node.Url, "--agency", agency);
        return node;
    }

    /// <summary>The Dutch FIU and the German BKA nodes, each registered as the other's partner.</summary>
    private (NodeProcess Nl, NodeProcess De) PartnerNodes()
    {
        var nl = Node("nl-fiu", "fiu-nl", "NL");
        var de = Node("de-bka", "bka-de", "DE");
        Register(nl, de);
        Register(de, nl);
        return (nl, de);
    }

    private static void Register(NodeProcess at, NodeProcess partner)
    {
        var card = Path.Combine(partner.DataDirectory, "card.json");
        partner.Cli("exchange", "node", "show", "--card-out", card);
        var fingerprint = JsonNode.Parse(partner.Cli("exchange", "node", "show", "--json"))!["signing_fingerprint"]!.GetValue<string>();
        at.Cli("exchange", "partner", "add", "--card", card, "--expect-fingerprint", fingerprint);
    }

    private static JsonNode Outbox(NodeProcess node, string messageId) =>
        JsonNode.Parse(node.Cli("exchange", "outbox", "--json"))!.AsArray().Single(m => m!["message_id"]!.GetValue<string>() == messageId)!;

    private static JsonArray Inbox(NodeProcess node) => JsonNode.Parse(node.Cli("exchange", "inbox", "--json"))!.AsArray();

    private static string Send(NodeProcess from, params string[] args) =>
        JsonNode.Parse(from.Cli(["exchange", "send", "--json", .. args]))!["message_id"]!.GetValue<string>();

    private static async Task<string> EnvelopeOfAsync(NodeProcess node, string messageId)
    {
        await using var database = await CairnDatabase.OpenDataDirectoryAsync(node.DataDirectory, TimeProvider.System);
        return (await new SqlOutbox(database).GetAsync(messageId)).Envelope;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(NodeProcess to, string envelope)
    {
        using var http = new HttpClient();
        using var content = new StringContent(envelope, Encoding.UTF8, Envelope.MediaType);
        using var response = await http.PostAsync(new Uri(to.Url + "/exchange/v1/envelopes"), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoNodes_RequestWithEvidence_IsDeliveredAcceptedAnswered_ReplaysAndFlippedBytesAreHandled()
    {
        var (nl, de) = PartnerNodes();
        nl.Cli("case", "create", "--reference", "NL-1", "--title", "ransomware", "--offence", "ransomware", "--agency", "fiu-nl");
        de.Cli("case", "create", "--reference", "DE-5", "--title", "NL request", "--offence", "ransomware", "--agency", "bka-de");
        var evidence = Path.Combine(nl.DataDirectory, "trace.txt");
        await File.WriteAllTextAsync(evidence, "bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6 -> exchange deposit\n");
        await nl.StartAsync();
        await de.StartAsync();

        var request = Send(nl, "--to", "de-bka", "--type", "request", "--file", evidence, "--case", "NL-1", "--subject", "KYC for deposit address", "--agency", "fiu-nl");
        await Eventually.TrueAsync(() => Outbox(nl, request)["delivered_at"] is not null, Patience, "delivery receipt at nl");
        de.Cli("exchange", "accept", request, "--case", "DE-5", "--agency", "bka-de");
        await Eventually.TrueAsync(() => Outbox(nl, request)["accepted_at"] is not null, Patience, "acceptance receipt at nl");
        var answerFile = Path.Combine(de.DataDirectory, "kyc.txt");
        await File.WriteAllTextAsync(answerFile, "account holder: Jan de Vries\n");
        var answer = Send(de, "--to", "nl-fiu", "--type", "response", "--file", answerFile, "--reply-to", request, "--agency", "bka-de");
        await Eventually.TrueAsync(() => Inbox(nl).Any(m => m!["message_id"]!.GetValue<string>() == answer), Patience, "the answer at nl");

        Assert.Equal(request, Inbox(nl).Single(m => m!["message_id"]!.GetValue<string>() == answer)!["in_reply_to"]!.GetValue<string>());
        Assert.Contains("received-exchange", de.Cli("evidence", "list", "--case", "DE-5", "--agency", "bka-de", "--json"), StringComparison.Ordinal);

        var envelope = await EnvelopeOfAsync(nl, request);
        var replay = await PostAsync(de, envelope);
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(request, JsonNode.Parse(replay.Body)!["message_id"]!.GetValue<string>());
        Assert.Single(Inbox(de), m => m!["message_id"]!.GetValue<string>() == request);

        var parsed = Envelope.Parse(Encoding.ASCII.GetBytes(envelope));
        var ciphertext = (byte[])parsed.Ciphertext.Clone();
        ciphertext[ciphertext.Length / 2] ^= 0x01;
        var flipped = await PostAsync(de, (parsed with { Ciphertext = ciphertext }).ToCompact());
        Assert.Equal(HttpStatusCode.BadRequest, flipped.Status);
        Assert.Equal("tampered", JsonDocument.Parse(flipped.Body).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AReceiverKilledMidDelivery_GetsTheMessageExactlyOnceAfterRestart()
    {
        var (nl, de) = PartnerNodes();
        await nl.StartAsync();
        await de.StartAsync();
        de.Kill();

        var first = Send(nl, "--to", "de-bka", "--type", "request", "--subject", "while you were down", "--agency", "fiu-nl");
        await Eventually.TrueAsync(() => Outbox(nl, first)["attempts"]!.GetValue<long>() >= 2, Patience, "failed attempts at nl");
        Assert.Contains("unreachable", Outbox(nl, first)["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
        nl.Kill();
        var second = Send(nl, "--to", "de-bka", "--type", "request", "--subject", "queued while both were down", "--agency", "fiu-nl");
        await de.StartAsync();
        await nl.StartAsync();

        await Eventually.TrueAsync(() => Outbox(nl, first)["state"]!.GetValue<string>() == "delivered" && Outbox(nl, second)["state"]!.GetValue<string>() == "delivered", Patience, "both delivered after restarts");
        var inbox = Inbox(de);
        Assert.Equal(2, inbox.Count);
        Assert.Equal([first, second], inbox.Select(m => m!["message_id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task ThreeNodes_DeliverPairwise_AndAnEnvelopeRelayedToTheWrongNodeIsMisaddressed()
    {
        var nl = Node("nl-fiu", "fiu-nl", "NL");
        var de = Node("de-bka", "bka-de", "DE");
        var fr = Node("fr-ocrgdf", "ocrgdf-fr", "FR");
        foreach (var (a, b) in new[] { (nl, de), (nl, fr), (de, nl), (de, fr), (fr, nl), (fr, de) }) Register(a, b);
        await Task.WhenAll(nl.StartAsync(), de.StartAsync(), fr.StartAsync());

        var toDe = Send(nl, "--to", "de-bka", "--type", "fiu_request", "--agency", "fiu-nl");
        var toFr = Send(nl, "--to", "fr-ocrgdf", "--type", "request", "--agency", "fiu-nl");
        var frToDe = Send(fr, "--to", "de-bka", "--type", "ack", "--agency", "ocrgdf-fr");
        await Eventually.TrueAsync(() => Outbox(nl, toDe)["delivered_at"] is not null && Outbox(nl, toFr)["delivered_at"] is not null && Outbox(fr, frToDe)["delivered_at"] is not null, Patience, "pairwise delivery");

        Assert.Equal(2, Inbox(de).Count);
        Assert.Single(Inbox(fr));
        var relayed = await PostAsync(fr, await EnvelopeOfAsync(nl, toDe));
        Assert.Equal(HttpStatusCode.BadRequest, relayed.Status);
        Assert.Equal("misaddressed", JsonDocument.Parse(relayed.Body).RootElement.GetProperty("reason").GetString());
        Assert.Single(Inbox(fr));
    }
}
