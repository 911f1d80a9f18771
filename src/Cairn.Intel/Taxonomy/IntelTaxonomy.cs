using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;
using YamlDotNet.RepresentationModel;

namespace Cairn.Intel.Taxonomy;

/// <summary>
/// The vocabularies tags and actors are checked against, loaded from GraphSense's own files
/// (graphsense-lib <c>tagpack/db/concepts.yaml</c>, <c>confidence.csv</c>, <c>countries.csv</c>,
/// embedded unchanged with their MIT licence) so that Cairn accepts exactly what GraphSense accepts.
/// </summary>
public sealed class IntelTaxonomy
{
    private static readonly Lazy<IntelTaxonomy> LazyGraphSense = new(LoadEmbedded);

    private IntelTaxonomy(
        FrozenDictionary<string, Concept> concepts,
        FrozenDictionary<string, ConfidenceLevel> confidences,
        FrozenDictionary<string, Country> countries)
    {
        Concepts = concepts;
        Confidences = confidences;
        Countries = countries;
    }

    /// <summary>The GraphSense taxonomy shipped with Cairn.</summary>
    public static IntelTaxonomy GraphSense => LazyGraphSense.Value;

    public IReadOnlyDictionary<string, Concept> Concepts { get; }

    public IReadOnlyDictionary<string, ConfidenceLevel> Confidences { get; }

    /// <summary>Countries by upper-case ISO 3166-1 alpha-2 code.</summary>
    public IReadOnlyDictionary<string, Country> Countries { get; }

    public bool IsConcept(string id) => Concepts.ContainsKey(id);

    public bool IsCountry(string code) => Countries.ContainsKey(code);

    /// <summary>The numeric level (0–100) of a confidence id, or null when the id is unknown.</summary>
    public int? LevelOf(string? confidenceId) =>
        confidenceId is not null && Confidences.TryGetValue(confidenceId, out var level) ? level.Level : null;

    /// <summary>True when <paramref name="conceptId"/> is <paramref name="ancestorId"/> or lies below it (e.g. <c>defi_bridge</c> under <c>defi</c>).</summary>
    public bool IsA(string conceptId, string ancestorId)
    {
        var current = conceptId;
        for (var depth = 0; depth < 32 && current is not null; depth++)
        {
            if (current == ancestorId) return true;
            current = Concepts.TryGetValue(current, out var concept) ? concept.Broader : null;
        }
        return false;
    }

    private static IntelTaxonomy LoadEmbedded()
    {
        var assembly = typeof(IntelTaxonomy).Assembly;
        return new IntelTaxonomy(
            ReadConcepts(Open(assembly, "concepts.yaml")),
            ReadConfidences(Open(assembly, "confidence.csv")),
            ReadCountries(Open(assembly, "countries.csv")));
    }

    private static StreamReader Open(Assembly assembly, string name) =>
        new(assembly.GetManifestResourceStream("Cairn.Intel.Taxonomy." + name)
            ?? throw new InvalidOperationException($"embedded taxonomy {name} missing from {assembly.GetName().Name}"));

    private static FrozenDictionary<string, Concept> ReadConcepts(StreamReader reader)
    {
        using (reader)
        {
            var yaml = new YamlStream();
            yaml.Load(reader);
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var concepts = new Dictionary<string, Concept>(StringComparer.Ordinal);
            foreach (var (key, value) in root.Children)
            {
                if (value is not YamlMappingNode node || Scalar(node, "type") != "concept") continue;
                var id = Scalar(node, "id") ?? ((YamlScalarNode)key).Value!;
                concepts[id] = new Concept(id, Scalar(node, "prefLabel") ?? id, (Scalar(node, "description") ?? "").Trim(), Scalar(node, "broader"));
            }
            return concepts.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static FrozenDictionary<string, ConfidenceLevel> ReadConfidences(StreamReader reader)
    {
        using (reader)
        using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim }))
        {
            var levels = new Dictionary<string, ConfidenceLevel>(StringComparer.Ordinal);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var id = csv.GetField("id")!;
                levels[id] = new ConfidenceLevel(id, csv.GetField("label")!, csv.GetField("description")!,
                    int.Parse(csv.GetField("level")!, CultureInfo.InvariantCulture));
            }
            return levels.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    private static FrozenDictionary<string, Country> ReadCountries(StreamReader reader)
    {
        using (reader)
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            var countries = new Dictionary<string, Country>(StringComparer.Ordinal);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var code = csv.GetField("id")!;
                countries[code] = new Country(code, csv.GetField("label")!);
            }
            return countries.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
