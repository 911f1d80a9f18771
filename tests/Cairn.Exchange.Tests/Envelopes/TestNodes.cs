using Cairn.Exchange.Nodes;

namespace Cairn.Exchange.Tests.Envelopes;

/// <summary>Node identities for tests (fresh keys each time; nothing kept in source).</summary>
public static class TestNodes
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static NodeIdentity Create(string id, string agency = "fiu-nl", string country = "NL", string endpoint = "http://127.0.0.1:1") =>
        NodeIdentity.Create(id, id + " node", agency, country, endpoint);

    public static Func<string, NodeCard?> Directory(params NodeCard[] cards) => id => cards.FirstOrDefault(c => c.NodeId == id);
}
