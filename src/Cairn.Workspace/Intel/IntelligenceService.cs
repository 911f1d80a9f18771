using System.Globalization;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Intel.Export;
using Cairn.Intel.Import;
using Cairn.Intel.Store;
using Cairn.Storage;
using Cairn.Storage.Intel;

namespace Cairn.Workspace.Intel;

/// <summary>
/// Attribution intelligence of the installation: import GraphSense TagPacks and ActorPacks and OFAC
/// lists, add user tags, read actors and statistics, export a selection as TagPack YAML or
/// FollowTheMoney. Imports and tags are custody-log entries of the user who made them.
/// </summary>
public sealed class IntelligenceService
{
    private readonly CairnDatabase _database;
    private readonly IntelService _shared;
    private readonly TimeProvider _time;

    public IntelligenceService(CairnDatabase database, IntelService shared, TimeProvider time)
    {
        _database = database;
        _shared = shared;
        _time = time;
    }

    // Writes name their user in the custody log: a store for that actor (reads use the shared one).
    private IntelService For(Actor actor) => new(new SqlIntelStore(_database, actor), _time);

    public async Task<IReadOnlyList<PackImportReport>> ImportAsync(Actor actor, IntelImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paths = request.Paths is { Count: > 0 } p ? p : throw new ValidationException("paths", "give at least one file or directory to import");
        var options = new ImportOptions { Strict = request.Strict, DefaultIsPublic = !request.Private, ListDate = ParseDate(request.ListDate) };
        var service = For(actor);
        return (request.Kind ?? "").Trim().ToLowerInvariant() switch
        {
            "tagpack" => await service.ImportTagPacksAsync(paths, options, cancellationToken).ConfigureAwait(false),
            "actorpack" => await service.ImportActorPacksAsync(paths, options, cancellationToken).ConfigureAwait(false),
            "ofac" => [await service.ImportOfacAsync(paths, options, cancellationToken).ConfigureAwait(false)],
            _ => throw new ValidationException("kind", $"import kind '{request.Kind}' is not one of tagpack, actorpack, ofac"),
        };
    }

    public async Task<ActorView> ActorAsync(string id, CancellationToken cancellationToken = default)
    {
        var actor = await _shared.GetActorAsync(ValidationException.Required(id, "id"), cancellationToken).ConfigureAwait(false);
        var tags = (await _shared.Store.LoadTagsAsync(new TagFilter { Actor = actor.Id }, cancellationToken).ConfigureAwait(false)).Count;
        return ActorView.Of(actor, tags);
    }

    public Task<IntelStats> StatsAsync(CancellationToken cancellationToken = default) => _shared.Store.GetStatsAsync(cancellationToken);

    public async Task<TagView> AddTagAsync(Actor actor, TagRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var tag = await For(actor).AddUserTagAsync(new UserTagRequest
        {
            Address = ValidationException.Required(request.Address, "address"),
            Currency = ValidationException.Required(request.Currency, "currency"),
            Label = ValidationException.Required(request.Label, "label"),
            Source = ValidationException.Required(request.Source, "source"),
            Creator = actor.ToString(),
            Category = request.Category,
            Abuse = request.Abuse,
            Actor = request.Actor,
            Confidence = request.Confidence ?? "forensic_investigation",
            Context = request.Context,
            IsPublic = request.IsPublic,
        }, cancellationToken).ConfigureAwait(false);
        return TagView.Of(tag);
    }

    /// <summary>
    /// Writes the tags matching <paramref name="filter"/> (key=value terms) as TagPack YAML or
    /// FollowTheMoney JSON lines; returns how many. A TagPack of tags from one imported pack keeps
    /// that pack's header (title, creator, description, is_public), so import then export is lossless.
    /// </summary>
    public async Task<int> ExportAsync(string format, IReadOnlyList<string> filter, string? title, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var selection = TagFilter.Parse(filter ?? []);
        switch ((format ?? "").Trim().ToLowerInvariant())
        {
            case "ftm":
                var tags = await _shared.Store.LoadTagsAsync(selection, cancellationToken).ConfigureAwait(false);
                var actors = (await _shared.Store.LoadActorsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, StringComparer.Ordinal);
                FollowTheMoneyWriter.Write(output, tags, actors);
                return tags.Count;
            case "tagpack":
                return await _shared.ExportTagPackAsync(output, selection, title, cancellationToken).ConfigureAwait(false);
            default:
                throw new ValidationException("format", $"export format '{format}' is not one of tagpack, ftm");
        }
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValidationException("list_date", $"malformed list_date '{text}': expected yyyy-MM-dd");
    }
}
