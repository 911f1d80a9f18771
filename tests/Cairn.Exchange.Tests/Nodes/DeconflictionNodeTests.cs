using System.Text.Json.Nodes;

namespace Cairn.Exchange.Tests.Nodes;

/// <summary>
/// Deconfliction across nodes (issue 18, docs/deconfliction.md): two installations as real `cairn serve` processes, each with its own
/// data directory, exchanging a match filter, the answer and a contact request as sealed envelopes; the hit notices on both sides name
/// only each side's own address and the partner node, and no envelope carries a case detail.
/// </summary>
[Collection("real node processes")]
public sealed class DeconflictionNodeTests : IDisposable
{
    private const string Shared = "bc1qsharedaddressofbothnodes00000000000000";
    private const string OnlyNl = "bc1qonlyatthedutchnode000000000000000000000";
    private const string OnlyDe = "bc1qonlyatthegermannode00000000000000000000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] NlSecrets = ["NL-SECRET-7", "Operation Heron", "Heron collector", OnlyNl];
    private static readonly string[] DeSecrets = ["DE-SECRET-9", "Operation Falke", "Falke wallet", OnlyDe];
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

    private static void Register(NodeProcess at, NodeProcess partner)
    {
        var card = Path.Combine(partner.DataDirectory, "card.json");
        partner.Cli("exchange", "node", "show", "--card-out", card);
        var fingerprint = JsonNode.Parse(partner.Cli("exchange", "node", "show", "--json"))!["signing_fingerprint"]!.GetValue<string>();
        at.Cli("exchange", "partner", "add", "--card", card, "--expect-fingerprint", fingerprint);
    }

    private static JsonArray Inbox(NodeProcess node) => JsonNode.Parse(node.Cli("exchange", "inbox", "--json"))!.AsArray();

    private static async Task<string> ArrivedAsync(NodeProcess node, string type, int count)
    {
        await Eventually.TrueAsync(() => Inbox(node).Count(m => m!["type"]!.GetValue<string>() == type) >= count, Patience, $"{count} {type} at {node.Name}");
        return Inbox(node).Where(m => m!["type"]!.GetValue<string>() == type).Select(m => m!["message_id"]!.GetValue<string>()).Order(StringComparer.Ordinal).Last();
    }

    private static JsonArray Notices(NodeProcess node, string agency) => JsonNode.Parse(node.Cli("notification", "list", "--json", "--agency", agency))!.AsArray();

    private static async Task<IReadOnlyList<string>> ActionsAsync(NodeProcess node)
    {
        await using var database = await CairnDatabase.OpenDataDirectoryAsync(node.DataDirectory, TimeProvider.System);
        return (await database.QueryAsync(connection => Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT DISTINCT action FROM custody_entries"))).ToList();
    }

    [Fact]
    public async Task AnAddressInCasesAtTwoNodes_GivesBothAHitThroughEnvelopes_WithoutCaseDetails_AndContactCanBeAsked()
    {
        var nl = Node("nl-fiu", "fiu-nl", "NL");
        var de = Node("de-bka", "bka-de", "DE");
        Register(nl, de);
        Register(de, nl);
        nl.Cli("case", "create", "--reference", "NL-SECRET-7", "--title", "Operation Heron", "--offence", "fraud", "--agency", "fiu-nl");
        nl.Cli("case", "wallet", "add", "NL-SECRET-7", "--chain", "btc", "--address", Shared, "--label", "Heron collector", "--agency", "fiu-nl");
        nl.Cli("case", "wallet", "add", "NL-SECRET-7", "--chain", "btc", "--address", OnlyNl, "--agency", "fiu-nl");
        de.Cli("case", "create", "--reference", "DE-SECRET-9", "--title", "Operation Falke", "--offence", "fraud", "--agency", "bka-de");
        de.Cli("case", "wallet", "add", "DE-SECRET-9", "--chain", "btc", "--address", Shared, "--label", "Falke wallet", "--agency", "bka-de");
        de.Cli("case", "wallet", "add", "DE-SECRET-9", "--chain", "btc", "--address", OnlyDe, "--agency", "bka-de");
        await nl.StartAsync();
        await de.StartAsync();

        var published = JsonNode.Parse(nl.Cli("exchange", "filter", "publish", "--to", "de-bka", "--json", "--agency", "fiu-nl"))!;
        Assert.Equal(2, published["entries"]!.GetValue<long>());
        var filterMessage = await ArrivedAsync(de, "match_filter", 1);
        var checkedAtDe = JsonNode.Parse(de.Cli("exchange", "filter", "check", filterMessage, "--json", "--agency", "bka-de"))!;
        Assert.Equal(1, checkedAtDe["hits"]!.GetValue<int>());
        Assert.Equal(2, checkedAtDe["compared"]!.GetValue<int>());

        var answer = await ArrivedAsync(nl, "match_hit", 1);
        Assert.Equal(answer, checkedAtDe["answer_message_id"]!.GetValue<string>());
        var checkedAtNl = JsonNode.Parse(nl.Cli("exchange", "filter", "check", answer, "--json", "--agency", "fiu-nl"))!;
        Assert.Equal(1, checkedAtNl["hits"]!.GetValue<int>());

        var deHit = Assert.Single(Notices(de, "bka-de"), n => n!["kind"]!.GetValue<string>() == "partner_hit")!;
        var nlHit = Assert.Single(Notices(nl, "fiu-nl"), n => n!["kind"]!.GetValue<string>() == "partner_hit")!;
        Assert.StartsWith($"btc {Shared} nl-fiu ", deHit["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith($"btc {Shared} de-bka ", nlHit["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(deHit["case_reference"]);
        Assert.Null(nlHit["case_reference"]);

        // Nothing of either case crossed: not in the notices, not in any envelope either side received.
        var deSees = de.Cli("notification", "list", "--json", "--agency", "bka-de") + de.Cli("exchange", "show", filterMessage, "--json");
        var nlSees = nl.Cli("notification", "list", "--json", "--agency", "fiu-nl") + nl.Cli("exchange", "show", answer, "--json");
        foreach (var secret in NlSecrets) Assert.DoesNotContain(secret, deSees, StringComparison.Ordinal);
        foreach (var secret in DeSecrets) Assert.DoesNotContain(secret, nlSees, StringComparison.Ordinal);
        Assert.DoesNotContain(Shared, nl.Cli("exchange", "show", answer, "--json"), StringComparison.Ordinal);

        de.Cli("notification", "contact", deHit["id"]!.GetValue<string>(), "--agency", "bka-de", "--as", "kommissarin");
        var contact = await ArrivedAsync(nl, "match_hit", 2);
        Assert.NotEqual(answer, contact);
        nl.Cli("exchange", "filter", "check", contact, "--agency", "fiu-nl");
        var request = Assert.Single(Notices(nl, "fiu-nl"), n => n!["kind"]!.GetValue<string>() == "contact_request")!;
        Assert.Equal($"btc {Shared} de-bka kommissarin partner", request["detail"]!.GetValue<string>());

        var nlLog = await ActionsAsync(nl);
        var deLog = await ActionsAsync(de);
        foreach (var action in new[] { "deconfliction.filter.publish", "deconfliction.partner_hit", "deconfliction.filter.check", "deconfliction.contact" })
            Assert.Contains(action, nlLog);
        foreach (var action in new[] { "deconfliction.partner_hit", "deconfliction.filter.check", "deconfliction.contact" })
            Assert.Contains(action, deLog);
    }

    [Fact]
    public async Task CheckingAMessageThatIsNoMatchFilter_IsOneLineNamingIt()
    {
        var nl = Node("nl-fiu", "fiu-nl", "NL");
        var de = Node("de-bka", "bka-de", "DE");
        Register(nl, de);
        Register(de, nl);
        await nl.StartAsync();
        await de.StartAsync();
        nl.Cli("exchange", "send", "--to", "de-bka", "--type", "request", "--subject", "hello", "--body", "{\"format\":\"nonsense\"}", "--agency", "fiu-nl");
        var request = await ArrivedAsync(de, "request", 1);

        var refused = de.TryCli("exchange", "filter", "check", request, "--agency", "bka-de");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"message {request}", refused.Error, StringComparison.Ordinal);
        Assert.Single(refused.Error.Trim().Split('\n'));
        var byHand = nl.TryCli("exchange", "send", "--to", "de-bka", "--type", "match_filter", "--agency", "fiu-nl");
        Assert.Equal(1, byHand.ExitCode);
        Assert.Contains("cairn exchange filter publish", byHand.Error, StringComparison.Ordinal);
        var unknown = nl.TryCli("exchange", "filter", "publish", "--to", "fr-nobody", "--agency", "fiu-nl");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("fr-nobody", unknown.Error, StringComparison.Ordinal);
    }
}
