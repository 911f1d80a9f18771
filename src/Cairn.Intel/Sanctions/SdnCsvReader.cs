using System.Globalization;
using System.Text.RegularExpressions;
using Cairn.Intel.Addresses;
using Cairn.Intel.Import;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cairn.Intel.Sanctions;

/// <summary>
/// Reads OFAC's legacy SDN.CSV (no header; columns ent_num, SDN_Name, SDN_Type, Program, Title,
/// Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; <c>-0-</c> means empty)
/// and pulls the "Digital Currency Address - ASSET address" fields out of the remarks.
/// The legacy file cuts remarks at 1,000 characters, so the last address of a cut remark may be
/// incomplete: it is kept only when it passes its chain's check (Bitcoin checksum, 0x + 40 hex),
/// otherwise it is reported and skipped. Never guess the rest of an address.
/// </summary>
public sealed partial class SdnCsvReader
{
    /// <summary>Length at which SDN.CSV truncates the remarks column.</summary>
    public const int RemarksLimit = 1000;

    private const string Empty = "-0-";

    private readonly AddressNormalizer _addresses;

    public SdnCsvReader(AddressNormalizer addresses) => _addresses = addresses;

    public static SdnCsvReader Default { get; } = new(AddressNormalizer.Default);

    [GeneratedRegex(@"Digital Currency Address - (?<asset>[A-Za-z0-9]+)(?: (?<address>[^;\s]*))?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitalCurrencyAddress();

    public (IReadOnlyList<SdnDigitalCurrencyAddress> Addresses, IReadOnlyList<ImportIssue> Issues) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(Path.GetFileName(path), reader);
    }

    public (IReadOnlyList<SdnDigitalCurrencyAddress> Addresses, IReadOnlyList<ImportIssue> Issues) Read(string displayName, TextReader text)
    {
        var addresses = new List<SdnDigitalCurrencyAddress>();
        var issues = new List<ImportIssue>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null };
        using var csv = new CsvReader(text, configuration);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            if (csv.Parser.Count < 12)
            {
                // SDN.CSV ends with a lone DOS end-of-file character (0x1A); anything else short is malformed.
                if (csv.Parser.Count == 1 && (csv.GetField(0) ?? "").Trim('\u001a', ' ').Length == 0) continue;
                issues.Add(new ImportIssue(displayName, line, IssueSeverity.Error, $"expected 12 SDN.CSV columns, found {csv.Parser.Count}"));
                continue;
            }
            var remarks = Field(csv.GetField(11));
            if (remarks is null || !remarks.Contains("Digital Currency Address", StringComparison.Ordinal)) continue;
            if (!int.TryParse(csv.GetField(0)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var entryNumber))
            {
                issues.Add(new ImportIssue(displayName, line, IssueSeverity.Error, $"ent_num '{csv.GetField(0)}' is not a number"));
                continue;
            }
            var entry = new SanctionEntry
            {
                EntryNumber = entryNumber,
                Name = Field(csv.GetField(1)) ?? "",
                Type = Field(csv.GetField(2)),
                Programs = Programs(Field(csv.GetField(3))),
            };
            ReadAddresses(displayName, line, entry, remarks, addresses, issues);
        }
        return (addresses, issues);
    }

    private void ReadAddresses(string displayName, int line, SanctionEntry entry, string remarks, List<SdnDigitalCurrencyAddress> addresses, List<ImportIssue> issues)
    {
        var cut = remarks.Length >= RemarksLimit && !remarks.EndsWith('.');
        foreach (Match match in DigitalCurrencyAddress().Matches(remarks))
        {
            var currency = match.Groups["asset"].Value;
            var address = match.Groups["address"].Value;
            var atEnd = match.Index + match.Length >= remarks.Length;
            if (address.EndsWith('.')) address = address[..^1]; // the remark's closing full stop
            if (address.Length == 0)
            {
                issues.Add(new ImportIssue(displayName, line, IssueSeverity.Warning,
                    $"SDN entry {entry.EntryNumber} ({entry.Name}): {currency} address field is empty{(cut && atEnd ? $" (remarks cut at {RemarksLimit} characters, address may be incomplete)" : "")}: skipped"));
                continue;
            }
            if (cut && atEnd)
            {
                var verifiable = AddressNormalizer.BitcoinCurrencies.Contains(currency) || AddressNormalizer.EvmCurrencies.Contains(currency);
                if (!verifiable || !_addresses.TryNormalize(currency, address, out _, out _))
                {
                    issues.Add(new ImportIssue(displayName, line, IssueSeverity.Warning,
                        $"SDN entry {entry.EntryNumber} ({entry.Name}): remarks cut at {RemarksLimit} characters, last {currency} address '{address}' may be incomplete: skipped"));
                    continue;
                }
            }
            addresses.Add(new SdnDigitalCurrencyAddress(entry, currency, address));
        }
    }

    /// <summary>The legacy CSV joins several programmes as "DPRK3] [CYBER2".</summary>
    private static IReadOnlyList<string> Programs(string? field) =>
        field is null ? [] : field.Split("] [", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Trim('[', ']')).ToList();

    private static string? Field(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed == Empty ? null : trimmed;
    }
}
