namespace Cairn.Intel.Tags;

/// <summary>What the store keeps of a TagPack's header: enough to write the pack back as it came.</summary>
public sealed record TagPackHeader(string Id, string Title, string Creator, string? Description, bool IsPublic);
