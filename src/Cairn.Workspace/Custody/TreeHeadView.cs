using Cairn.Cases.Custody;

namespace Cairn.Workspace.Custody;

/// <summary>A signed tree head of the custody log: size, root, time, the key that signed it, the signature and any RFC 3161 timestamp token.</summary>
public sealed record TreeHeadView(long TreeSize, string RootHash, DateTimeOffset Timestamp, string KeyId, string Signature, string? TimestampToken)
{
    public static TreeHeadView Of(SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new(head.Head.TreeSize, head.Head.RootHash, head.Head.Timestamp, head.KeyId, head.Signature, head.TimestampToken);
    }
}
