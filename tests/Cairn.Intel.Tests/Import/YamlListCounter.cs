namespace Cairn.Intel.Tests.Import;

/// <summary>
/// Counts the items of a top-level YAML list (e.g. <c>tags:</c>) by looking at the text only:
/// an independent count to check the importer against, sharing no code with it.
/// </summary>
internal static class YamlListCounter
{
    public static int CountItems(string path, string key)
    {
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.TrimEnd() == key + ":");
        if (start < 0) return 0;
        string? itemPrefix = null;
        var count = 0;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (itemPrefix is null)
            {
                var indent = line.Length - line.TrimStart().Length;
                if (!line.TrimStart().StartsWith("- ", StringComparison.Ordinal)) return 0;
                itemPrefix = new string(' ', indent) + "- ";
            }
            if (line.StartsWith(itemPrefix, StringComparison.Ordinal)) count++;
            else if (line.Length - line.TrimStart().Length < itemPrefix.Length - 2) break; // back at a shallower key
        }
        return count;
    }
}
