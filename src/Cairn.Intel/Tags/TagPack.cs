namespace Cairn.Intel.Tags;

/// <summary>
/// A set of tags published together (a GraphSense TagPack file). <see cref="Version"/> is the
/// SHA-256 of the file's bytes: importing the same version again changes nothing, importing a
/// new version of the same <see cref="Id"/> replaces all of its tags.
/// </summary>
public sealed record TagPack
{
    /// <summary>Stable identity: by default the file name without extension.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Creator { get; init; }

    public string? Description { get; init; }

    /// <summary>GraphSense <c>owner</c>: who owns the pack ("not stored in db" there, so it survives file round trips only).</summary>
    public string? Owner { get; init; }

    public bool IsPublic { get; init; } = true;

    /// <summary>Lower-case hex SHA-256 of the imported file.</summary>
    public required string Version { get; init; }

    public required IReadOnlyList<Tag> Tags { get; init; }
}
