using System.Text.Json;
using Cairn.Intel.Actors;
using Cairn.Intel.Taxonomy;
using YamlDotNet.RepresentationModel;

namespace Cairn.Intel.Import;

/// <summary>
/// Reads GraphSense ActorPack YAML (schema: graphsense-lib <c>tagpack/conf/actorpack_schema.yaml</c>).
/// The free-form <c>context</c> is kept whole as JSON; <c>legal_name</c>, <c>refs</c> and
/// <c>uris</c> are also lifted into typed fields. Jurisdictions are upper-cased ISO 3166-1
/// alpha-2 codes; unknown codes and categories are imported with a warning.
/// </summary>
public sealed class ActorPackReader
{
    private readonly IntelTaxonomy _taxonomy;

    public ActorPackReader(IntelTaxonomy taxonomy) => _taxonomy = taxonomy;

    public static ActorPackReader Default { get; } = new(IntelTaxonomy.GraphSense);

    public ImportResult<ActorPack> ReadFile(string path, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(path, File.ReadAllBytes(path), options);
    }

    public ImportResult<ActorPack> Read(string displayName, byte[] content, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= ImportOptions.Default;
        var issues = new List<ImportIssue>();
        var file = PackFile.Load(displayName, content, options.PackId, out var loadIssue);
        if (file is null) return new ImportResult<ActorPack>(displayName, null, [loadIssue!]);

        string? title = null, creator = null, description = null;
        YamlSequenceNode? actorNodes = null;
        var headerRead = file.TryReadHeader(issues, (key, keyNode, value) =>
        {
            switch (key)
            {
                case "title": title = YamlValues.Text(value, key); break;
                case "creator": creator = YamlValues.Text(value, key); break;
                case "description": description = YamlValues.Text(value, key); break;
                case "lastmod" or "owner" or "is_public": break;
                case "actors": actorNodes = value as YamlSequenceNode ?? throw new FormatException("'actors' must be a list"); break;
                default: issues.Add(file.IssueAt(keyNode, IssueSeverity.Warning, $"unknown header field '{key}' ignored")); break;
            }
        });
        if (!headerRead) return new ImportResult<ActorPack>(displayName, null, issues);
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(creator) || actorNodes is null)
        {
            issues.Add(file.MissingHeaderFields("actor pack", ("title", title is null), ("creator", creator is null), ("actors", actorNodes is null)));
            return new ImportResult<ActorPack>(displayName, null, issues);
        }

        var actors = new List<Actor>(actorNodes.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in actorNodes.Children)
        {
            var actor = ReadActor(file, node, issues);
            if (actor is null) continue;
            if (!seen.Add(actor.Id))
            {
                issues.Add(file.IssueAt(node, IssueSeverity.Error, $"duplicate actor id '{actor.Id}' skipped"));
                continue;
            }
            actors.Add(actor);
        }
        if (options.Strict && issues.Count > 0) return new ImportResult<ActorPack>(displayName, null, issues);
        var pack = new ActorPack { Id = file.Id, Title = title, Creator = creator, Description = description, Version = file.Version, Actors = actors };
        return new ImportResult<ActorPack>(displayName, pack, issues);
    }

    private Actor? ReadActor(PackFile file, YamlNode node, List<ImportIssue> issues)
    {
        if (node is not YamlMappingNode mapping)
        {
            issues.Add(file.IssueAt(node, IssueSeverity.Error, "actor must be a mapping of fields"));
            return null;
        }
        string? id = null, label = null, uri = null, contextJson = null;
        DateTimeOffset? lastModified = null;
        IReadOnlyList<string> categories = [], jurisdictions = [], aliases = [];
        try
        {
            foreach (var (keyNode, value) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: var key } || key is null)
                    throw new FormatException($"a field name must be text, not a {YamlValues.Kind(keyNode)}");
                switch (key)
                {
                    case "id": id = YamlValues.Text(value, key); break;
                    case "label": label = YamlValues.Text(value, key); break;
                    case "uri": uri = YamlValues.Text(value, key); break;
                    case "lastmod": lastModified = YamlValues.Timestamp(value, key); break;
                    case "categories": categories = YamlValues.List(value, key); break;
                    case "jurisdictions": jurisdictions = YamlValues.List(value, key).Select(j => j.Trim().ToUpperInvariant()).ToList(); break;
                    case "aliases": aliases = YamlValues.List(value, key); break;
                    case "context": contextJson = YamlValues.TextOrJson(value, key); break;
                    default: issues.Add(file.IssueAt(keyNode, IssueSeverity.Warning, $"unknown actor field '{key}' ignored")); break;
                }
            }
        }
        catch (FormatException ex)
        {
            issues.Add(file.IssueAt(node, IssueSeverity.Error, ex.Message));
            return null;
        }
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(label))
        {
            issues.Add(file.IssueAt(node, IssueSeverity.Error, "actor lacks mandatory " + (string.IsNullOrWhiteSpace(id) ? "id" : "label")));
            return null;
        }
        foreach (var category in categories.Where(c => !_taxonomy.IsConcept(c)))
            issues.Add(file.IssueAt(node, IssueSeverity.Warning, $"actor '{id}': category '{category}' is not in the GraphSense concepts taxonomy"));
        foreach (var code in jurisdictions.Where(j => !_taxonomy.IsCountry(j)))
            issues.Add(file.IssueAt(node, IssueSeverity.Warning, $"actor '{id}': jurisdiction '{code}' is not an ISO 3166-1 alpha-2 code"));
        var context = ParseContext(contextJson);
        return new Actor
        {
            Id = id,
            Label = label,
            Uri = uri,
            Categories = categories,
            Jurisdictions = jurisdictions,
            Aliases = aliases,
            LegalName = context.LegalName,
            References = context.References,
            ContextJson = contextJson,
            LastModified = lastModified,
            PackId = file.Id,
        };
    }

    /// <summary>Lifts <c>legal_name</c> and the reference links out of the context JSON.</summary>
    private static (string? LegalName, IReadOnlyList<string> References) ParseContext(string? json)
    {
        if (json is null || !json.StartsWith('{')) return (null, []);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? legalName = root.TryGetProperty("legal_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        var references = new List<string>();
        foreach (var property in new[] { "uris", "refs" })
            if (root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
                references.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        return (legalName, references);
    }
}
