using Cairn.Intel.Actors;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Tags;

namespace Cairn.Intel.Store;

/// <summary>An <see cref="IIntelStore"/> in memory, for tools that import and screen without a database.</summary>
public sealed class InMemoryIntelStore : IIntelStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (PackInfo Info, IReadOnlyList<Tag> Tags)> _tagPacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PackInfo Info, IReadOnlyList<Actor> Actors)> _actorPacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PackInfo Info, IReadOnlyList<SanctionedAddress> Addresses)> _sanctions = new(StringComparer.Ordinal);
    private readonly List<Tag> _userTags = [];
    private readonly Dictionary<string, TagPackHeader> _tagPackHeaders = new(StringComparer.Ordinal);
    private long _revision;

    public Task<PackChange> SaveTagPackAsync(TagPack pack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var info = new PackInfo(pack.Id, PackKind.TagPack, pack.Title, pack.Creator, pack.Version, pack.Tags.Count, pack.IsPublic);
        lock (_lock) _tagPackHeaders[pack.Id] = new TagPackHeader(pack.Id, pack.Title, pack.Creator, pack.Description, pack.IsPublic);
        return Task.FromResult(Save(_tagPacks, pack.Id, (info, pack.Tags)));
    }

    public Task<TagPackHeader?> LoadTagPackHeaderAsync(string packId, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_tagPackHeaders.GetValueOrDefault(packId));
    }

    public Task<PackChange> SaveActorPackAsync(ActorPack pack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var info = new PackInfo(pack.Id, PackKind.ActorPack, pack.Title, pack.Creator, pack.Version, pack.Actors.Count, true);
        return Task.FromResult(Save(_actorPacks, pack.Id, (info, pack.Actors)));
    }

    public Task<PackChange> SaveSanctionsAsync(string listName, string version, IReadOnlyList<SanctionedAddress> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var info = new PackInfo(listName, PackKind.SanctionsList, listName, "OFAC", version, addresses.Count, true);
        return Task.FromResult(Save(_sanctions, listName, (info, addresses)));
    }

    public Task AddUserTagAsync(Tag tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        lock (_lock)
        {
            _userTags.Add(tag with { PackId = Tag.UserPackId });
            _revision++;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Tag>> LoadTagsAsync(TagFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Tag>>(_tagPacks.Values.OrderBy(p => p.Info.Id, StringComparer.Ordinal).SelectMany(p => p.Tags).Concat(_userTags).Where(filter.Matches).ToList());
    }

    public Task<IReadOnlyList<Actor>> LoadActorsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Actor>>(_actorPacks.Values.SelectMany(p => p.Actors).ToList());
    }

    public Task<Actor?> FindActorAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(_actorPacks.Values.SelectMany(p => p.Actors).FirstOrDefault(a => a.Id == id));
    }

    public Task<IReadOnlyList<SanctionedAddress>> LoadSanctionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<SanctionedAddress>>(_sanctions.Values.SelectMany(s => s.Addresses).ToList());
    }

    public async Task<IntelStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var tags = await LoadTagsAsync(TagFilter.All, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var packs = _tagPacks.Values.Select(p => p.Info).Concat(_actorPacks.Values.Select(p => p.Info)).Concat(_sanctions.Values.Select(p => p.Info)).ToList();
            if (_userTags.Count > 0) packs.Add(new PackInfo(Tag.UserPackId, PackKind.UserTags, "User tags", "users", "", _userTags.Count, false));
            return IntelStatistics.Of(tags, _actorPacks.Values.Sum(p => p.Actors.Count), _sanctions.Values.Sum(s => s.Addresses.Count), packs);
        }
    }

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_revision);
    }

    private PackChange Save<T>(Dictionary<string, (PackInfo Info, T Items)> packs, string id, (PackInfo Info, T Items) pack)
    {
        lock (_lock)
        {
            var existing = packs.TryGetValue(id, out var stored);
            if (existing && stored.Info.Version == pack.Info.Version) return PackChange.Unchanged;
            packs[id] = pack;
            _revision++;
            return existing ? PackChange.Replaced : PackChange.Added;
        }
    }
}
