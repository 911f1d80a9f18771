using Cairn.Core;
using Cairn.Intel.Addresses;
using Cairn.Intel.Import;

namespace Cairn.Intel.Sanctions;

/// <summary>
/// Combines OFAC sources into one sanctions list: the per-asset address lists (complete, but
/// nameless) and SDN.CSV (names and programmes, but remarks cut at 1,000 characters). Each listed
/// address is joined to the SDN entries whose remarks name the same normalised address; where none
/// does, the address stays on the list with "name unavailable". Addresses that only SDN.CSV names
/// are added too. An import replaces the whole OFAC list (<see cref="ListName"/>).
/// </summary>
public sealed class OfacImport
{
    public const string ListName = "OFAC SDN";

    private readonly AddressNormalizer _addresses;
    private readonly SdnCsvReader _sdn;

    public OfacImport(AddressNormalizer addresses)
    {
        _addresses = addresses;
        _sdn = new SdnCsvReader(addresses);
    }

    public static OfacImport Default { get; } = new(AddressNormalizer.Default);

    /// <summary>
    /// Reads <paramref name="paths"/> (per-asset list files, SDN.CSV files, or directories holding them).
    /// Throws <see cref="Core.CairnException"/> when a path does not exist or holds no OFAC file.
    /// </summary>
    public ImportResult<IReadOnlyList<SanctionedAddress>> Read(IEnumerable<string> paths, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= ImportOptions.Default;
        var (listFiles, sdnFiles) = Expand(paths);
        var issues = new List<ImportIssue>();

        var sdnByKey = new Dictionary<NormalizedAddress, List<SdnDigitalCurrencyAddress>>();
        var sdnSources = new Dictionary<SdnDigitalCurrencyAddress, string>(ReferenceEqualityComparer.Instance);
        foreach (var file in sdnFiles)
        {
            var (found, fileIssues) = _sdn.ReadFile(file);
            issues.AddRange(fileIssues);
            foreach (var address in found)
            {
                sdnSources[address] = Path.GetFileName(file);
                if (!_addresses.TryNormalize(address.Currency, address.Address, out var key, out var error))
                {
                    issues.Add(new ImportIssue(Path.GetFileName(file), 0, IssueSeverity.Warning,
                        $"SDN entry {address.Entry.EntryNumber}: malformed {address.Currency} address '{UserText.Quote(address.Address)}' ({error}): kept, never matched"));
                    key = new NormalizedAddress(AddressFamily.Other, address.Address);
                }
                if (!sdnByKey.TryGetValue(key, out var list)) sdnByKey[key] = list = [];
                list.Add(address);
            }
        }

        var result = new List<SanctionedAddress>();
        var seen = new HashSet<(string Currency, NormalizedAddress Key, int? Entry)>();
        var joined = new HashSet<SdnDigitalCurrencyAddress>(ReferenceEqualityComparer.Instance);
        foreach (var file in listFiles)
        {
            var name = Path.GetFileName(file);
            var (found, fileIssues) = OfacAddressListReader.ReadFile(file);
            issues.AddRange(fileIssues);
            foreach (var (currency, address, line) in found)
            {
                if (!_addresses.TryNormalize(currency, address, out var key, out var error))
                {
                    issues.Add(new ImportIssue(name, line, IssueSeverity.Warning, $"malformed {currency} address '{UserText.Quote(address)}' ({error}): kept, never matched"));
                    key = new NormalizedAddress(AddressFamily.Other, address);
                }
                var entries = sdnByKey.GetValueOrDefault(key);
                if (entries is null or { Count: 0 })
                {
                    if (seen.Add((currency, key, null)))
                        result.Add(new SanctionedAddress { Currency = currency, Address = address, Entry = null, ListName = ListName, ListDate = options.ListDate, SourceFile = name });
                    continue;
                }
                foreach (var sdn in entries)
                {
                    joined.Add(sdn);
                    if (seen.Add((currency, key, sdn.Entry.EntryNumber)))
                        result.Add(new SanctionedAddress { Currency = currency, Address = address, Entry = sdn.Entry, ListName = ListName, ListDate = options.ListDate, SourceFile = name });
                }
            }
        }
        foreach (var (key, entries) in sdnByKey)
            foreach (var sdn in entries.Where(e => !joined.Contains(e)))
                if (seen.Add((sdn.Currency, key, sdn.Entry.EntryNumber)))
                    result.Add(new SanctionedAddress { Currency = sdn.Currency, Address = sdn.Address, Entry = sdn.Entry, ListName = ListName, ListDate = options.ListDate, SourceFile = sdnSources[sdn] });

        var display = $"OFAC ({listFiles.Count} address list(s), {sdnFiles.Count} SDN.CSV)";
        if (options.Strict && issues.Count > 0) return new ImportResult<IReadOnlyList<SanctionedAddress>>(display, null, issues);
        return new ImportResult<IReadOnlyList<SanctionedAddress>>(display, result, issues);
    }

    private static (List<string> Lists, List<string> Sdn) Expand(IEnumerable<string> paths)
    {
        var lists = new List<string>();
        var sdn = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                // The .txt and .json lists of an asset hold the same addresses: read the .txt when both exist.
                lists.AddRange(files.Where(f => OfacAddressListReader.IsListFile(f)
                    && (f.EndsWith(".txt", StringComparison.Ordinal) || !File.Exists(Path.ChangeExtension(f, ".txt")))));
                sdn.AddRange(files.Where(IsSdnCsv));
                continue;
            }
            if (!File.Exists(path)) throw new Core.CairnException($"{path}: no such file or directory");
            if (OfacAddressListReader.IsListFile(path)) lists.Add(path);
            else if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) sdn.Add(path);
            else throw new Core.CairnException($"{path}: not an OFAC file (expected sanctioned_addresses_ASSET.txt/.json or SDN .csv)");
        }
        if (lists.Count == 0 && sdn.Count == 0)
            throw new Core.CairnException($"{string.Join(", ", paths)}: no OFAC list or SDN.CSV file found");
        return (lists, sdn);
    }

    private static bool IsSdnCsv(string path) => Path.GetFileName(path).Equals("sdn.csv", StringComparison.OrdinalIgnoreCase);
}
