using Cairn.Cases.Custody;

namespace Cairn.Storage.Custody;

/// <summary>Row shapes of the custody tables and the SQL that selects them.</summary>
internal static class CustodyRows
{
    public const string EntryColumns =
        "seq AS Sequence, recorded_at AS RecordedAt, user_name AS UserName, agency AS Agency, action AS Action, " +
        "object_type AS ObjectType, object_id AS ObjectId, content_hash AS ContentHash";

    public const string HeadColumns =
        "tree_size AS TreeSize, root_hash AS RootHash, signed_at AS SignedAt, key_id AS KeyId, signature AS Signature";

    public class Entry
    {
        public long Sequence { get; set; }

        public string RecordedAt { get; set; } = "";

        public string UserName { get; set; } = "";

        public string Agency { get; set; } = "";

        public string Action { get; set; } = "";

        public string ObjectType { get; set; } = "";

        public string ObjectId { get; set; } = "";

        public string ContentHash { get; set; } = "";

        public CustodyEntry ToEntry() => new(Sequence, CustodyEntry.ParseTime(RecordedAt), UserName, Agency, Action, ObjectType, ObjectId, ContentHash);
    }

    public sealed class Head
    {
        public long TreeSize { get; set; }

        public string RootHash { get; set; } = "";

        public string SignedAt { get; set; } = "";

        public string KeyId { get; set; } = "";

        public string Signature { get; set; } = "";

        public SignedTreeHead ToSignedHead() =>
            new(new TreeHead(TreeSize, RootHash, CustodyEntry.ParseTime(SignedAt)), KeyId, Signature);
    }
}
