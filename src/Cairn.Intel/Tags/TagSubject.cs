namespace Cairn.Intel.Tags;

/// <summary>What a tag is attached to (GraphSense <c>tag_subject</c>: <c>address</c> or <c>tx</c>).</summary>
public enum TagSubject
{
    Address,
    Transaction,
}
