using System.Globalization;
using Cairn.Core;

namespace Cairn.Exchange.GoAml;

/// <summary>
/// Settings given with the request (the CLI's options), each overriding the FIU file's value: scalar
/// codes, and <c>KEY=VALUE</c> pairs for rates (<c>BTC=61234.5</c>) and per-chain institution codes
/// or BICs (<c>btc=VA-BTC</c>). Errors name the request field (<c>rates</c>, <c>institution_codes</c>,
/// <c>swifts</c>); the CLI shows its option instead.
/// </summary>
public sealed record GoAmlOptions
{
    public string? RentityBranch { get; init; }

    public string? SubmissionCode { get; init; }

    public string? ReportCode { get; init; }

    public string? CurrencyCodeLocal { get; init; }

    public string? TransmodeCode { get; init; }

    public string? FundsCode { get; init; }

    public string? UnknownCountryCode { get; init; }

    public IReadOnlyList<string> Rates { get; init; } = [];

    public IReadOnlyList<string> InstitutionCodes { get; init; } = [];

    public IReadOnlyList<string> Swifts { get; init; } = [];

    /// <summary><paramref name="profile"/> with every setting given here put over it.</summary>
    public GoAmlProfile ApplyTo(GoAmlProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rates = new Dictionary<string, decimal>(profile.Rates, StringComparer.OrdinalIgnoreCase);
        foreach (var (asset, text) in Pairs(Rates, "rates", "ASSET=LOCAL_PER_UNIT"))
            rates[asset] = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0
                ? rate
                : throw new ValidationException("rates", $"rates {asset}={text}: the rate must be a positive decimal number (local currency per whole {asset})");
        var institutions = new Dictionary<string, GoAmlInstitution>(profile.Institutions, StringComparer.OrdinalIgnoreCase);
        foreach (var (chain, code) in Pairs(InstitutionCodes, "institution_codes", "CHAIN=CODE"))
            institutions[chain] = Institution(institutions, chain) with { InstitutionCode = code, Swift = null };
        foreach (var (chain, bic) in Pairs(Swifts, "swifts", "CHAIN=BIC"))
            institutions[chain] = Institution(institutions, chain) with { Swift = bic, InstitutionCode = null };
        return profile with
        {
            RentityBranch = RentityBranch ?? profile.RentityBranch,
            SubmissionCode = SubmissionCode ?? profile.SubmissionCode,
            ReportCode = ReportCode ?? profile.ReportCode,
            CurrencyCodeLocal = CurrencyCodeLocal ?? profile.CurrencyCodeLocal,
            TransmodeCode = TransmodeCode ?? profile.TransmodeCode,
            FundsCode = FundsCode ?? profile.FundsCode,
            UnknownCountryCode = UnknownCountryCode ?? profile.UnknownCountryCode,
            Rates = rates,
            Institutions = institutions,
        };
    }

    /// <summary>An institution first named on the command line is called after its chain until the FIU file names it.</summary>
    private static GoAmlInstitution Institution(Dictionary<string, GoAmlInstitution> known, string chain) =>
        known.TryGetValue(chain, out var found) ? found : new GoAmlInstitution { Name = chain };

    private static IEnumerable<(string Key, string Value)> Pairs(IEnumerable<string> items, string field, string shape)
    {
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == item.Length - 1)
                throw new ValidationException(field, $"{field} '{item}': expected {shape}");
            yield return (item[..equals].Trim(), item[(equals + 1)..].Trim());
        }
    }
}
