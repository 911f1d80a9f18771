using Cairn.Core;
using Cairn.Intel.Addresses;
using Cairn.Intel.Tags;
using Cairn.Intel.Taxonomy;
using YamlDotNet.RepresentationModel;

namespace Cairn.Intel.Import;

/// <summary>
/// Reads GraphSense TagPack YAML (schema: graphsense-lib <c>tagpack/conf/tagpack_schema.yaml</c>).
/// Header fields that are tag fields are inherited by every tag. A malformed tag is reported
/// with its file and line and skipped; a doubtful one (unknown taxonomy term, address failing
/// its checksum, missing confidence) is imported and reported as a warning. With
/// <see cref="ImportOptions.Strict"/> any issue refuses the file.
/// </summary>
public sealed class TagPackReader
{
    private readonly IntelTaxonomy _taxonomy;
    private readonly AddressNormalizer _addresses;

    public TagPackReader(IntelTaxonomy taxonomy, AddressNormalizer addresses)
    {
        _taxonomy = taxonomy;
        _addresses = addresses;
    }

    public static TagPackReader Default { get; } = new(IntelTaxonomy.GraphSense, AddressNormalizer.Default);

    public ImportResult<TagPack> ReadFile(string path, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(path, File.ReadAllBytes(path), options);
    }

    /// <summary>Reads a pack from <paramref name="content"/>; <paramref name="displayName"/> names it in issues and gives the default pack id.</summary>
    public ImportResult<TagPack> Read(string displayName, byte[] content, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= ImportOptions.Default;
        var issues = new List<ImportIssue>();
        var file = PackFile.Load(displayName, content, options.PackId, out var loadIssue);
        if (file is null) return new ImportResult<TagPack>(displayName, null, [loadIssue!]);

        var header = new TagFields();
        string? title = null, creator = null, description = null, owner = null;
        bool? isPublic = null;
        YamlSequenceNode? tagNodes = null;
        var headerRead = file.TryReadHeader(issues, (key, _, value) =>
        {
            switch (key)
            {
                case "title": title = YamlValues.Text(value, key); break;
                case "creator": creator = YamlValues.Text(value, key); break;
                case "description": description = YamlValues.Text(value, key); break;
                case "owner": owner = YamlValues.Text(value, key); break; // GraphSense: "not stored in db"; kept for the file's round trip
                case "is_public": isPublic = YamlValues.Boolean(value, key); break;
                case "tags":
                    tagNodes = value as YamlSequenceNode ?? throw new FormatException("'tags' must be a list");
                    break;
                default:
                    if (TagFields.Names.Contains(key)) header = header.With(key, value);
                    else issues.Add(file.IssueAt(value, IssueSeverity.Warning, $"unknown header field '{UserText.Quote(key)}' ignored"));
                    break;
            }
        });
        if (!headerRead) return new ImportResult<TagPack>(displayName, null, issues);
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(creator) || tagNodes is null)
        {
            issues.Add(file.MissingHeaderFields("pack", ("title", title is null), ("creator", creator is null), ("tags", tagNodes is null)));
            return new ImportResult<TagPack>(displayName, null, issues);
        }

        var visibility = isPublic ?? options.DefaultIsPublic;
        var tags = new List<Tag>(tagNodes.Children.Count);
        foreach (var node in tagNodes.Children)
        {
            var tag = ReadTag(file, node, header, creator, visibility, issues);
            if (tag is not null) tags.Add(tag);
        }
        if (options.Strict && issues.Count > 0) return new ImportResult<TagPack>(displayName, null, issues);
        var pack = new TagPack { Id = file.Id, Title = title, Creator = creator, Description = description, Owner = owner, IsPublic = visibility, Version = file.Version, Tags = tags };
        return new ImportResult<TagPack>(displayName, pack, issues);
    }

    private Tag? ReadTag(PackFile file, YamlNode node, TagFields header, string creator, bool isPublic, List<ImportIssue> issues)
    {
        if (node is not YamlMappingNode mapping)
        {
            issues.Add(file.IssueAt(node, IssueSeverity.Error, "tag must be a mapping of fields"));
            return null;
        }
        var fields = header;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: var key } || key is null)
            {
                issues.Add(file.IssueAt(keyNode, IssueSeverity.Error, $"a tag field name must be text, not a {YamlValues.Kind(keyNode)}"));
                return null;
            }
            if (!TagFields.Names.Contains(key))
            {
                issues.Add(file.IssueAt(keyNode, IssueSeverity.Warning, $"unknown tag field '{UserText.Quote(key)}' ignored"));
                continue;
            }
            try
            {
                fields = fields.With(key, value);
            }
            catch (FormatException ex)
            {
                issues.Add(file.IssueAt(value, IssueSeverity.Error, ex.Message));
                return null;
            }
        }
        var tag = fields.ToTag(file.Id, creator, isPublic, out var error);
        if (tag is null)
        {
            issues.Add(file.IssueAt(node, IssueSeverity.Error, error));
            return null;
        }
        CheckTerms(file, node, tag, issues);
        return tag;
    }

    private void CheckTerms(PackFile file, YamlNode node, Tag tag, List<ImportIssue> issues)
    {
        if (tag.Confidence is null)
            issues.Add(file.IssueAt(node, IssueSeverity.Warning, "tag has no confidence (mandatory in GraphSense); kept without one"));
        else if (!_taxonomy.Confidences.ContainsKey(tag.Confidence))
            issues.Add(file.IssueAt(node, IssueSeverity.Warning, $"unknown confidence '{UserText.Quote(tag.Confidence)}'"));
        foreach (var (field, concept) in Terms(tag))
            if (!_taxonomy.IsConcept(concept))
                issues.Add(file.IssueAt(node, IssueSeverity.Warning, $"{field} '{UserText.Quote(concept)}' is not in the GraphSense concepts taxonomy"));
        if (tag.Subject == TagSubject.Address && !_addresses.TryNormalize(tag.Currency, tag.Identifier, out _, out var addressError))
            issues.Add(file.IssueAt(node, IssueSeverity.Warning, $"malformed {tag.Currency} address '{UserText.Quote(tag.Identifier)}' ({addressError}): kept, never matched"));
    }

    private static IEnumerable<(string Field, string Concept)> Terms(Tag tag)
    {
        if (tag.Category is not null) yield return ("category", tag.Category);
        if (tag.Abuse is not null) yield return ("abuse", tag.Abuse);
        foreach (var concept in tag.Concepts) yield return ("concept", concept);
    }
}
