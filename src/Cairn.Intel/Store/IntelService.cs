using System.Security.Cryptography;
using System.Text;
using Cairn.Core;
using Cairn.Intel.Actors;
using Cairn.Intel.Addresses;
using Cairn.Intel.Import;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Screening;
using Cairn.Intel.Tags;
using Cairn.Intel.Export;
using Cairn.Intel.Taxonomy;

namespace Cairn.Intel.Store;

/// <summary>
/// The intelligence use cases on top of an <see cref="IIntelStore"/>: import files, add user
/// tags, look up actors, and screen through an index rebuilt only when the store's revision moves.
/// </summary>
public sealed class IntelService
{
    private readonly IIntelStore _store;
    private readonly TimeProvider _time;
    private readonly AddressNormalizer _normalizer;
    private readonly IntelTaxonomy _taxonomy;
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    private (long Revision, ScreeningIndex Index)? _index;

    public IntelService(IIntelStore store, TimeProvider time, AddressNormalizer? normalizer = null, IntelTaxonomy? taxonomy = null)
    {
        _store = store;
        _time = time;
        _normalizer = normalizer ?? AddressNormalizer.Default;
        _taxonomy = taxonomy ?? IntelTaxonomy.GraphSense;
    }

    public IIntelStore Store => _store;

    /// <summary>Imports TagPack files (directories are searched for *.yaml).</summary>
    public async Task<IReadOnlyList<PackImportReport>> ImportTagPacksAsync(IEnumerable<string> paths, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var reader = new TagPackReader(_taxonomy, _normalizer);
        var reports = new List<PackImportReport>();
        foreach (var file in ExpandYaml(paths))
        {
            var result = reader.ReadFile(file, options);
            var change = result.Content is null ? (PackChange?)null : await _store.SaveTagPackAsync(result.Content, cancellationToken).ConfigureAwait(false);
            reports.Add(new PackImportReport(file, result.Content?.Id, change, result.Content?.Tags.Count ?? 0, result.Issues));
        }
        return reports;
    }

    public async Task<IReadOnlyList<PackImportReport>> ImportActorPacksAsync(IEnumerable<string> paths, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var reader = new ActorPackReader(_taxonomy);
        var reports = new List<PackImportReport>();
        foreach (var file in ExpandYaml(paths))
        {
            var result = reader.ReadFile(file, options);
            var change = result.Content is null ? (PackChange?)null : await _store.SaveActorPackAsync(result.Content, cancellationToken).ConfigureAwait(false);
            reports.Add(new PackImportReport(file, result.Content?.Id, change, result.Content?.Actors.Count ?? 0, result.Issues));
        }
        return reports;
    }

    /// <summary>Imports OFAC per-asset lists and SDN.CSV together; the result replaces the stored OFAC list.</summary>
    public async Task<PackImportReport> ImportOfacAsync(IReadOnlyList<string> paths, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var result = new OfacImport(_normalizer).Read(paths, options);
        if (result.Content is null) return new PackImportReport(result.File, OfacImport.ListName, null, 0, result.Issues);
        var change = await _store.SaveSanctionsAsync(OfacImport.ListName, VersionOf(result.Content), result.Content, cancellationToken).ConfigureAwait(false);
        return new PackImportReport(result.File, OfacImport.ListName, change, result.Content.Count, result.Issues);
    }

    /// <summary>Checks and stores a user tag; throws <see cref="CairnException"/> naming what is wrong.</summary>
    public async Task<Tag> AddUserTagAsync(UserTagRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_normalizer.TryNormalize(request.Currency, request.Address, out _, out var error))
            throw new CairnException($"malformed {request.Currency} address '{request.Address}': {error}");
        foreach (var (field, value) in new[] { ("category", request.Category), ("abuse", request.Abuse) })
            if (value is not null && !_taxonomy.IsConcept(value))
                throw new CairnException($"unknown {field} '{value}': not in the GraphSense concepts taxonomy (see docs/intel.md)");
        if (!_taxonomy.Confidences.ContainsKey(request.Confidence))
            throw new CairnException($"unknown confidence '{request.Confidence}' (one of: {string.Join(", ", _taxonomy.Confidences.Keys.Order(StringComparer.Ordinal))})");
        if (string.IsNullOrWhiteSpace(request.Label)) throw new CairnException("tag label must not be empty");
        var tag = new Tag
        {
            PackId = Tag.UserPackId,
            Currency = request.Currency.Trim().ToUpperInvariant(),
            Network = request.Currency.Trim().ToUpperInvariant(),
            Identifier = request.Address.Trim(),
            Label = request.Label.Trim(),
            Source = request.Source,
            Creator = request.Creator,
            Confidence = request.Confidence,
            Category = request.Category,
            Abuse = request.Abuse,
            Actor = request.Actor,
            Context = request.Context,
            LastModified = _time.GetUtcNow(),
            IsPublic = request.IsPublic,
        };
        await _store.AddUserTagAsync(tag, cancellationToken).ConfigureAwait(false);
        return tag;
    }

    /// <summary>
    /// Writes the tags <paramref name="filter"/> selects as a TagPack. When they all come from one
    /// imported pack, its stored header (title, creator, description, is_public) is written back, so
    /// import then export loses nothing GraphSense stores; otherwise the header says it is a Cairn
    /// selection. <paramref name="title"/> overrides the title.
    /// </summary>
    public async Task<int> ExportTagPackAsync(TextWriter writer, TagFilter filter, string? title = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var tags = await _store.LoadTagsAsync(filter, cancellationToken).ConfigureAwait(false);
        var packs = tags.Select(t => t.PackId).Distinct(StringComparer.Ordinal).ToList();
        var header = packs.Count == 1 ? await _store.LoadTagPackHeaderAsync(packs[0], cancellationToken).ConfigureAwait(false) : null;
        if (header is not null)
            TagPackWriter.Write(writer, title ?? header.Title, header.Creator, header.Description, header.IsPublic && tags.All(t => t.IsPublic), tags);
        else
        {
            var creators = tags.Select(t => t.Creator).Distinct(StringComparer.Ordinal).ToList();
            TagPackWriter.Write(writer, title ?? (packs.Count == 1 ? packs[0] : "Cairn export"), creators.Count == 1 ? creators[0] : "Cairn export", null, tags.All(t => t.IsPublic), tags);
        }
        return tags.Count;
    }

    public async Task<Actor> GetActorAsync(string id, CancellationToken cancellationToken = default) =>
        await _store.FindActorAsync(id, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException($"unknown actor '{id}' (import an ActorPack first: cairn intel import actorpack PATH)");

    /// <summary>The current screening index: rebuilt from the store when its revision changed since the last build.</summary>
    public async Task<ScreeningIndex> GetIndexAsync(CancellationToken cancellationToken = default)
    {
        await _indexLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var revision = await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_index is { } cached && cached.Revision == revision) return cached.Index;
            var builder = new ScreeningIndexBuilder(_normalizer, _taxonomy);
            builder.AddActors(await _store.LoadActorsAsync(cancellationToken).ConfigureAwait(false));
            builder.AddTags(await _store.LoadTagsAsync(TagFilter.All, cancellationToken).ConfigureAwait(false));
            builder.AddSanctions(await _store.LoadSanctionsAsync(cancellationToken).ConfigureAwait(false));
            var index = builder.ToIndex();
            _index = (revision, index);
            return index;
        }
        finally
        {
            _indexLock.Release();
        }
    }

    /// <summary>Content version of a sanctions list: SHA-256 over its sorted rows.</summary>
    public static string VersionOf(IReadOnlyList<SanctionedAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var rows = addresses.Select(a => $"{a.Currency}\t{a.Address}\t{a.Entry?.EntryNumber}\t{a.EntryName}\t{string.Join(",", a.Entry?.Programs ?? [])}\t{a.ListDate}")
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))));
    }

    private static IEnumerable<string> ExpandYaml(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else if (File.Exists(path)) yield return path;
            else throw new CairnException($"{path}: no such file or directory");
        }
    }
}
