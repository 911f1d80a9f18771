namespace Cairn.Intel.Actors;

/// <summary>A set of actors published together (a GraphSense ActorPack file); versioned like <see cref="Tags.TagPack"/>.</summary>
public sealed record ActorPack
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Creator { get; init; }

    public string? Description { get; init; }

    /// <summary>Lower-case hex SHA-256 of the imported file.</summary>
    public required string Version { get; init; }

    public required IReadOnlyList<Actor> Actors { get; init; }
}
