namespace Cairn.Chains.Ethereum.Tests.Fixtures;

/// <summary>Reads the small ethereum-etl CSV exports (RFC 4180 quoting) into dictionaries by header.</summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return [];
        var header = Split(lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var cells = Split(line);
            return header.Select((name, i) => (name, value: i < cells.Count ? cells[i] : "")).ToDictionary(p => p.name, p => p.value);
        }).ToList();
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
