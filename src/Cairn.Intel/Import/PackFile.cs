using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cairn.Intel.Import;

/// <summary>A YAML pack file loaded into memory: its name for messages, id, version hash and root mapping.</summary>
internal sealed record PackFile(string DisplayName, string Id, string Version, YamlMappingNode Root)
{
    /// <summary>Loads <paramref name="content"/>; on a syntax error returns null and the issue at the line YamlDotNet points to.</summary>
    public static PackFile? Load(string displayName, byte[] content, string? packId, out ImportIssue? issue)
    {
        issue = null;
        var version = Convert.ToHexStringLower(SHA256.HashData(content));
        var id = packId ?? Path.GetFileNameWithoutExtension(displayName);
        var yaml = new YamlStream();
        try
        {
            using var reader = new StringReader(Encoding.UTF8.GetString(content));
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            issue = new ImportIssue(displayName, (int)ex.Start.Line, IssueSeverity.Error, "not valid YAML: " + OneLine(ex.InnerException?.Message ?? ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException, without a position, for some broken input the
            // fuzz suite found: InvalidOperationException for broken flow collections (": [\na"), ArgumentException
            // ("the current event is of an unsupported type") for an entry with an empty key ("- :").
            var problem = ex is ArgumentException ? "an entry the YAML reader cannot place (e.g. an empty key)" : ex.Message;
            issue = new ImportIssue(displayName, 1, IssueSeverity.Error, "not valid YAML: " + OneLine(problem));
            return null;
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            issue = new ImportIssue(displayName, 1, IssueSeverity.Error, "expected a YAML mapping with a header and a list");
            return null;
        }
        return new PackFile(displayName, id, version, root);
    }

    /// <summary>
    /// Hands each header (top-level) field to <paramref name="readField"/> as (name, key node, value).
    /// A field it rejects with a <see cref="FormatException"/> refuses the pack: the error is added to
    /// <paramref name="issues"/> at the value's line and false returned.
    /// </summary>
    public bool TryReadHeader(List<ImportIssue> issues, Action<string, YamlNode, YamlNode> readField)
    {
        foreach (var (keyNode, value) in Root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? ""; // a mapping or list as a key names no known field
            try
            {
                readField(key, keyNode, value);
            }
            catch (FormatException ex)
            {
                issues.Add(IssueAt(value, IssueSeverity.Error, "header: " + ex.Message));
                return false;
            }
        }
        return true;
    }

    /// <summary>The error for a header that lacks mandatory fields, naming those that are absent.</summary>
    public ImportIssue MissingHeaderFields(string packKind, params (string Name, bool Absent)[] fields) =>
        new(DisplayName, 1, IssueSeverity.Error, $"{packKind} header lacks mandatory " + string.Join(", ", fields.Where(f => f.Absent).Select(f => f.Name)));

    /// <summary>An issue at <paramref name="node"/>'s line of this file.</summary>
    public ImportIssue IssueAt(YamlNode node, IssueSeverity severity, string message) =>
        new(DisplayName, YamlValues.LineOf(node), severity, message);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
