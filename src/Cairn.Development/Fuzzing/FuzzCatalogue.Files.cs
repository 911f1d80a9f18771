using Cairn.Intel.Import;
using Cairn.Intel.Sanctions;
using Cairn.Legal.Loading;

namespace Cairn.Development.Fuzzing;

public static partial class FuzzCatalogue
{
    private static IEnumerable<FuzzTarget> Intelligence(FuzzSeeds seeds)
    {
        var tagPacks = seeds.Shared("graphsense-tagpacks/packs", "*.yaml", 16);
        yield return new FuzzTarget("tagpack-yaml", "GraphSense TagPack YAML", FuzzInputKind.Yaml, tagPacks,
            input => RefuseOnErrors(TagPackReader.Default.Read("fuzz.tagpack.yaml", input).Issues));
        var actorPacks = ActorPackSeeds(seeds);
        yield return new FuzzTarget("actorpack-yaml", "GraphSense ActorPack YAML", FuzzInputKind.Yaml, actorPacks.Count > 0 ? actorPacks : [Utf8("actors: []\n")],
            input => RefuseOnErrors(ActorPackReader.Default.Read("fuzz.actorpack.yaml", input).Issues));

        var lists = seeds.Shared("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_*.*", 40);
        var scratch = Directory.CreateTempSubdirectory("cairn-fuzz-ofac-").FullName;
        yield return new FuzzTarget("ofac-list", "OFAC sanctioned address lists (one address per line, or a JSON array)", FuzzInputKind.Text, lists, input =>
        {
            // The reader chooses by extension: a JSON array when the text starts like one.
            var json = Text(input).TrimStart().StartsWith('[');
            var path = Path.Combine(scratch, json ? "sanctioned_addresses_XBT.json" : "sanctioned_addresses_XBT.txt");
            File.WriteAllBytes(path, input);
            RefuseOnErrors(OfacAddressListReader.ReadFile(path).Issues);
        });

        // The SDN list is 3.8 MB: seeds are its header with successive slices of rows.
        var sdnPath = Path.Combine(seeds.SharedData, "ofac-sdn-csv", "sdn.csv");
        var sdn = File.Exists(sdnPath) ? File.ReadAllLines(sdnPath) : [];
        var sdnSeeds = sdn.Length < 2 ? [Utf8("ent_num,SDN_Name\n")]
            : Enumerable.Range(0, 8).Select(i => Utf8(sdn[0] + "\n" + string.Join("\n", sdn.Skip(1 + i * 400).Take(60)))).ToList();
        yield return new FuzzTarget("ofac-sdn-csv", "OFAC SDN list (CSV with Digital Currency Address remarks)", FuzzInputKind.Text, sdnSeeds, input =>
        {
            using var reader = new StringReader(Text(input));
            RefuseOnErrors(SdnCsvReader.Default.Read("sdn.csv", reader).Issues);
        });
    }

    /// <summary>
    /// The reviewed legal data (data/legal): one input replaces one file of the set, chosen by its
    /// first byte, so every file's shape is fuzzed inside a complete, otherwise valid set.
    /// </summary>
    private static FuzzTarget Legal(FuzzSeeds seeds)
    {
        var directory = Path.Combine(seeds.RepositoryRoot, "data", "legal");
        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetRelativePath(directory, path).Replace('\\', '/'), Text: File.ReadAllText(path))).ToList();
        var legalSeeds = files.Select((f, i) => (byte[])[(byte)i, .. Utf8(f.Text)]).ToList();
        return new FuzzTarget("legal-yaml", "Reviewed legal data YAML (jurisdictions, contacts, instruments with rules)", FuzzInputKind.Yaml, legalSeeds, input =>
        {
            if (input.Length == 0) return;
            var replaced = input[0] % files.Count;
            _ = LegalDataLoader.LoadTexts(files.Select((f, i) => KeyValuePair.Create(f.Name, i == replaced ? Text(input[1..]) : f.Text)));
        });
    }

    /// <summary>
    /// GraphSense's ActorPack (1.5 MB, 3,813 actors) is above the seed size limit: the seeds are its header with
    /// successive slices of 20 actors, so mutations start from real, valid packs.
    /// </summary>
    internal static IReadOnlyList<byte[]> ActorPackSeeds(FuzzSeeds seeds)
    {
        var small = seeds.Shared("graphsense-tagpacks/actors", "*.yaml", 4);
        var path = Path.Combine(seeds.SharedData, "graphsense-tagpacks", "actors", "graphsense.actorpack.yaml");
        if (!File.Exists(path)) return small;
        var lines = File.ReadAllLines(path);
        var start = Array.IndexOf(lines, "actors:");
        if (start < 0) return small;
        var header = string.Join("\n", lines.Take(start + 1));
        var actorStarts = Enumerable.Range(start + 1, lines.Length - start - 1).Where(i => lines[i].StartsWith("- id:", StringComparison.Ordinal)).ToList();
        var slices = new List<byte[]>(small);
        for (var slice = 0; slice < 8 && actorStarts.Count > 0; slice++)
        {
            var first = actorStarts.Count * slice / 8;
            var last = Math.Min(first + 20, actorStarts.Count);
            var end = last < actorStarts.Count ? actorStarts[last] : lines.Length;
            slices.Add(Utf8(header + "\n" + string.Join("\n", lines[actorStarts[first]..end]) + "\n"));
        }
        return slices;
    }
}
