using Cairn.Intel.Tags;

namespace Cairn.Workspace.Intel;

/// <summary>A user tag as stored: address, currency, label, concepts, actor, confidence, whether it may leave the agency, who made it and its pack.</summary>
public sealed record TagView(string Address, string Currency, string Label, string? Category, string? Abuse, string? Actor, string? Confidence, bool IsPublic, string Creator, string Pack)
{
    public static TagView Of(Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return new(tag.Identifier, tag.Currency, tag.Label, tag.Category, tag.Abuse, tag.Actor, tag.Confidence, tag.IsPublic, tag.Creator, tag.PackId);
    }
}
