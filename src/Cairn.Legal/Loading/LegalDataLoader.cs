using System.Globalization;
using System.Reflection;
using Cairn.Core;
using Cairn.Legal.Reference;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cairn.Legal.Loading;

/// <summary>
/// Loads data/legal/*.yaml (embedded in this assembly, or from an override directory) and validates
/// it: malformed YAML, unknown keys, unknown state codes, unknown measures or channels, and any rule,
/// content item, deadline or refusal ground without a citation are load errors of one line naming the
/// file and line.
/// </summary>
public static class LegalDataLoader
{
    private const string ResourcePrefix = "legal/";
    private static readonly Lazy<LegalReference> Embedded = new(() => LoadFiles(ReadEmbedded()));

    /// <summary>The reference data compiled into the assembly (cached).</summary>
    public static LegalReference LoadEmbedded() => Embedded.Value;

    /// <summary>Loads from <paramref name="directory"/> when given (a reviewed copy under change), else the embedded data.</summary>
    public static LegalReference Load(string? directory) =>
        string.IsNullOrWhiteSpace(directory) ? LoadEmbedded() : LoadDirectory(directory);

    public static LegalReference LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new CairnException($"legal data directory '{directory}' does not exist");
        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new DataFile(Path.GetRelativePath(directory, path).Replace('\\', '/'), File.ReadAllText(path)));
        return LoadFiles(files);
    }

    /// <summary>Loads from named texts (file names relative to the data directory, e.g. <c>instruments/eio.yaml</c>): checks of edited data, and fuzzing.</summary>
    public static LegalReference LoadTexts(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return LoadFiles(files.Select(f => new DataFile(f.Key, f.Value)));
    }

    internal static LegalReference LoadFiles(IEnumerable<DataFile> files)
    {
        var all = files.ToList();
        var jurisdictionsFile = all.FirstOrDefault(f => f.Name == "jurisdictions.yaml")
            ?? throw new CairnException("legal data: jurisdictions.yaml is missing");
        var jurisdictions = Parse<JurisdictionsFile>(jurisdictionsFile).Jurisdictions;
        var codes = jurisdictions.Select(j => j.Code).ToHashSet(StringComparer.Ordinal);
        var duplicate = jurisdictions.GroupBy(j => j.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Error(jurisdictionsFile, $"code: {duplicate.Key}", $"duplicate jurisdiction '{duplicate.Key}'");

        var contacts = new Dictionary<string, ContactEntry>(StringComparer.Ordinal);
        foreach (var file in all.Where(f => f.Name == "contacts.yaml"))
            foreach (var contact in Parse<ContactsFile>(file).Contacts)
            {
                if (!codes.Contains(contact.State)) throw Error(file, $"state: {contact.State}", $"unknown state code '{contact.State}'");
                contacts[contact.State] = contact;
            }

        var instruments = all.Where(f => f.Name.StartsWith("instruments/", StringComparison.Ordinal))
            .Select(f => InstrumentMapper.Map(f, Parse<InstrumentFile>(f), codes))
            .ToList();
        var duplicateInstrument = instruments.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicateInstrument is not null) throw new CairnException($"legal data: instrument id '{duplicateInstrument.Key}' is defined twice");

        return new LegalReference(jurisdictions.Select(j => ToJurisdiction(j, contacts.GetValueOrDefault(j.Code))), instruments);
    }

    internal static T Parse<T>(DataFile file)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<T>(file.Text) ?? throw new CairnException($"{file.Name}: file is empty");
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ");
            throw new CairnException($"{file.Name}:{ex.Start.Line}: malformed YAML: {reason}", ex);
        }
    }

    /// <summary>An error at the first line of <paramref name="file"/> containing <paramref name="needle"/>.</summary>
    internal static CairnException Error(DataFile file, string needle, string message)
    {
        var lines = file.Text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal));
        var line = index < 0 ? "" : ":" + (index + 1).ToString(CultureInfo.InvariantCulture);
        return new CairnException($"{file.Name}{line}: {message}");
    }

    private static Jurisdiction ToJurisdiction(JurisdictionEntry entry, ContactEntry? contact) => new(
        entry.Code, entry.Name, entry.Alpha3, entry.Independent, entry.EuMember, entry.OfficialLanguages,
        Sourced(contact?.CentralAuthority), Sourced(contact?.Contact247), Sourced(contact?.Fiu), Sourced(contact?.AcceptedLanguages));

    private static SourcedValue? Sourced(SourcedEntry? entry) => entry is null
        ? null
        : new SourcedValue(entry.Name ?? string.Join(", ", entry.Languages ?? []), entry.Verified, entry.Citation, entry.Source ?? "", entry.AsOf ?? "");

    private static IEnumerable<DataFile> ReadEmbedded()
    {
        var assembly = typeof(LegalDataLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return new DataFile(name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd());
        }
    }
}
