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
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            issue = new ImportIssue(displayName, 1, IssueSeverity.Error, "expected a YAML mapping with a header and a list");
            return null;
        }
        return new PackFile(displayName, id, version, root);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
