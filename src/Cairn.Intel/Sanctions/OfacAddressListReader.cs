using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Intel.Import;

namespace Cairn.Intel.Sanctions;

/// <summary>
/// Reads the per-asset OFAC address lists published by github.com/0xB10C/ofac-sanctioned-digital-currency-addresses:
/// <c>sanctioned_addresses_ASSET.txt</c> (one address per line) or <c>.json</c> (an array of strings),
/// generated from OFAC's sdn_advanced.xml. They carry bare addresses: no entry name, programme or date.
/// </summary>
public static partial class OfacAddressListReader
{
    [GeneratedRegex(@"^sanctioned_addresses_(?<asset>[A-Za-z0-9]+)\.(?<ext>txt|json)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListFileName();

    /// <summary>True when <paramref name="path"/> is named like a per-asset list.</summary>
    public static bool IsListFile(string path) => ListFileName().IsMatch(Path.GetFileName(path));

    /// <summary>The asset code of a list file (e.g. XBT), or null when the name does not follow the pattern.</summary>
    public static string? AssetOf(string path)
    {
        var match = ListFileName().Match(Path.GetFileName(path));
        return match.Success ? match.Groups["asset"].Value : null;
    }

    /// <summary>Reads one list file; returns (asset, address, line) triples and issues.</summary>
    public static (IReadOnlyList<(string Currency, string Address, int Line)> Addresses, IReadOnlyList<ImportIssue> Issues) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var asset = AssetOf(path) ?? throw new Core.CairnException($"{path}: not an OFAC list file (expected sanctioned_addresses_ASSET.txt or .json)");
        var issues = new List<ImportIssue>();
        var result = new List<(string, string, int)>();
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var addresses = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? [];
                for (var i = 0; i < addresses.Length; i++)
                    if (!string.IsNullOrWhiteSpace(addresses[i])) result.Add((asset, addresses[i].Trim(), i + 2));
            }
            catch (JsonException ex)
            {
                issues.Add(new ImportIssue(name, (int)(ex.LineNumber ?? 0) + 1, IssueSeverity.Error, "expected a JSON array of address strings"));
            }
            return (result, issues);
        }
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var address = line.Trim();
            if (address.Length == 0) continue;
            if (address.Any(char.IsWhiteSpace))
            {
                issues.Add(new ImportIssue(name, lineNumber, IssueSeverity.Error, $"expected one address per line, found '{address}'"));
                continue;
            }
            result.Add((asset, address, lineNumber));
        }
        return (result, issues);
    }
}
