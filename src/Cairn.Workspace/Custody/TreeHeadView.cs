using Cairn.Cases.Custody;

namespace Cairn.Workspace.Custody;

/// <summary>A signed tree head of the custody log: size, root, time, the key that signed it, and the signature (no RFC 3161 token: docs/custody-log.md).</summary>
public sealed record TreeHeadView(long TreeSize, string RootHash, DateTimeOffset Timestamp, string KeyId, string Signature)
{
    public static TreeHeadView Of(SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new(head.Head.TreeSize, head.Head.RootHash, head.Head.Timestamp, head.KeyId, head.Signature);
    }
}
