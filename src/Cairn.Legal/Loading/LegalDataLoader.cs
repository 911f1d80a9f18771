using System.Globalization;
using Cairn.Core;
using Cairn.Legal.Forms;
using Cairn.Legal.Reference;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cairn.Legal.Loading;

/// <summary>
/// Loads data/legal (embedded in this assembly, or from an override directory) and validates it:
/// malformed YAML, unknown keys, unknown state codes (the EU only in party lists), measures, channels,
/// roles, rule ids in declaration effects and supersessions, form fill keys, and any rule, content
/// item, deadline or refusal ground without a citation are load errors of one line naming file and line.
/// Files: jurisdictions.yaml, contacts.yaml (and contacts/*.yaml), instruments/*.yaml, forms/*.yaml.
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

        var instrumentFiles = all.Where(f => f.Name.StartsWith("instruments/", StringComparison.Ordinal))
            .Select(f => (File: f, Instrument: InstrumentMapper.Map(f, Parse<InstrumentFile>(f), codes)))
            .ToList();
        var duplicateInstrument = instrumentFiles.GroupBy(i => i.Instrument.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicateInstrument is not null)
            throw new CairnException($"{duplicateInstrument.Last().File.Name}: instrument id '{duplicateInstrument.Key}' is defined twice (also in {duplicateInstrument.First().File.Name})");
        var instruments = instrumentFiles.ToDictionary(i => i.Instrument.Id, i => i.Instrument, StringComparer.Ordinal);
        foreach (var (file, instrument) in instrumentFiles) CrossCheck(file, instrument, instruments);

        var contacts = all.Where(f => f.Name == "contacts.yaml" || f.Name.StartsWith("contacts/", StringComparison.Ordinal))
            .SelectMany(f => Parse<ContactsFile>(f).Contacts.Select(c => MapContact(f, c, codes, instruments)))
            .ToLookup(c => c.State, StringComparer.Ordinal);

        var forms = all.Where(f => f.Name.StartsWith("forms/", StringComparison.Ordinal))
            .Select(f => FormMapper.Map(f, Parse<FormFile>(f), instruments))
            .ToList();
        var duplicateForm = forms.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicateForm is not null) throw new CairnException($"legal data: form id '{duplicateForm.Key}' is defined twice");

        return new LegalReference(
            jurisdictions.Select(j => new Jurisdiction(j.Code, j.Name, j.Alpha3, j.Independent, j.EuMember, j.OfficialLanguages, contacts[j.Code].ToList())
            {
                NameFr = j.NameFr,
                NameDe = j.NameDe,
            }),
            instruments.Values, forms);
    }

    /// <summary>References between instruments: superseded and supplemented instruments, except_rules, and rule ids named in declaration effects.</summary>
    private static void CrossCheck(DataFile file, Instrument instrument, Dictionary<string, Instrument> instruments)
    {
        foreach (var supersession in instrument.Supersedes)
        {
            if (!instruments.TryGetValue(supersession.Instrument, out var replaced))
                throw Error(file, $"instrument: {supersession.Instrument}", $"'{instrument.Id}' supersedes unknown instrument '{supersession.Instrument}'");
            foreach (var rule in supersession.ExceptRules.Where(r => replaced.Rules.All(x => x.Id != r)))
                throw Error(file, rule, $"except_rules names '{rule}', which is not a rule of '{replaced.Id}'");
        }
        foreach (var supplemented in instrument.Supplements.Where(s => !instruments.ContainsKey(s)))
            throw Error(file, "supplements:", $"'{instrument.Id}' supplements unknown instrument '{supplemented}'");
        var ruleIds = instruments.Values.SelectMany(i => i.Rules).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var declaration in instrument.Parties.SelectMany(p => p.Declarations))
            foreach (var rule in declaration.Effect?.Rules.Where(r => !ruleIds.Contains(r)) ?? [])
                throw Error(file, rule, $"declaration '{declaration.Id}' names unknown rule '{rule}'");
    }

    private static Contact MapContact(DataFile file, ContactEntry entry, HashSet<string> codes, Dictionary<string, Instrument> instruments)
    {
        var needle = $"state: {entry.State}";
        if (!codes.Contains(entry.State)) throw Error(file, needle, $"unknown state code '{entry.State}'");
        if (!ContactRoles.All.Contains(entry.Role))
            throw Error(file, needle, $"contact of {entry.State} has unknown role '{entry.Role}': expected {string.Join(", ", ContactRoles.All)}");
        if (entry.Instrument is not null && !instruments.ContainsKey(entry.Instrument))
            throw Error(file, needle, $"contact of {entry.State} names unknown instrument '{entry.Instrument}'");
        if (string.IsNullOrWhiteSpace(entry.Name)) throw Error(file, needle, $"contact of {entry.State} ({entry.Role}) has no name");
        if (string.IsNullOrWhiteSpace(entry.Source)) throw Error(file, needle, $"contact of {entry.State} ({entry.Role}) has no source");
        foreach (var language in entry.Languages.Where(l => !PartyMapper.IsLanguageCode(l)))
            throw Error(file, needle, $"contact of {entry.State} names '{language}': expected an ISO 639-3 language code");
        return new Contact(entry.State, entry.Role, entry.Instrument, entry.Name, entry.Address, entry.Languages, entry.Citation, entry.Verified, entry.Source, entry.AsOf ?? "");
    }

    /// <summary>
    /// One deserializer per thread, built once: building one per file repeated YamlDotNet's reflection over every mapped type
    /// for each of the ~35 files, which was most of a load's time (a route command loads the data; the legal-yaml fuzz target
    /// loads it per case, issue 17).
    /// </summary>
    private static readonly ThreadLocal<IDeserializer> Deserializer =
        new(() => new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build());

    internal static T Parse<T>(DataFile file)
    {
        var deserializer = Deserializer.Value!;
        try
        {
            var document = deserializer.Deserialize<T>(file.Text) ?? throw new CairnException($"{file.Name}: file is empty");
            EmptyEntries.Check(file, document);
            return document;
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
