using Cairn.Intel.Actors;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Tags;

namespace Cairn.Intel.Store;

/// <summary>
/// Where tags, actors and sanctions lists persist (the database: Cairn.Storage implements this
/// on SQLite and PostgreSQL). Saving a pack with a version already stored changes nothing;
/// a new version replaces the pack's items. <see cref="GetRevisionAsync"/> changes whenever
/// anything does, so a screening index built from the store knows when to rebuild.
/// </summary>
public interface IIntelStore
{
    Task<PackChange> SaveTagPackAsync(TagPack pack, CancellationToken cancellationToken = default);

    Task<PackChange> SaveActorPackAsync(ActorPack pack, CancellationToken cancellationToken = default);

    /// <summary>Replaces the sanctions list <paramref name="listName"/> as a whole.</summary>
    Task<PackChange> SaveSanctionsAsync(string listName, string version, IReadOnlyList<SanctionedAddress> addresses, CancellationToken cancellationToken = default);

    /// <summary>Adds a user tag (pack <see cref="Tag.UserPackId"/>).</summary>
    Task AddUserTagAsync(Tag tag, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Tag>> LoadTagsAsync(TagFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The stored header of TagPack <paramref name="packId"/>, or null when no such pack was imported.</summary>
    Task<TagPackHeader?> LoadTagPackHeaderAsync(string packId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Actor>> LoadActorsAsync(CancellationToken cancellationToken = default);

    Task<Actor?> FindActorAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SanctionedAddress>> LoadSanctionsAsync(CancellationToken cancellationToken = default);

    Task<IntelStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>A number that grows with every change.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken = default);
}
