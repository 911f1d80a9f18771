using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Exchange.GoAml;

/// <summary>
/// Everything in a goAML report that depends on the receiving FIU rather than on the case: the
/// reporting entity's branch and location, the code-list values each FIU defines in its own copy of
/// the schema (submission, report, currency, transmission mode, funds, country), the local-currency
/// rate per asset, and how each chain's wallets are described as accounts. Nothing here has a
/// built-in value: it comes from the FIU file (<see cref="Parse"/>, docs/exchange.md) or from the
/// request's settings (<see cref="GoAmlOptions"/>), and <see cref="Validate"/> names whatever is
/// still missing by its name in the FIU file.
/// </summary>
public sealed record GoAmlProfile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Free text naming the FIU and schema version the file was written for (not written to the report).</summary>
    public string? Fiu { get; init; }

    public string? RentityBranch { get; init; }

    /// <summary><c>submission_type</c>: "E" (electronic) in the UNODC lists.</summary>
    public string? SubmissionCode { get; init; }

    /// <summary><c>report_type</c>: STR, SAR… as the FIU lists them.</summary>
    public string? ReportCode { get; init; }

    /// <summary><c>currency_type</c> of <c>currency_code_local</c> and of every <c>amount_local</c>.</summary>
    public string? CurrencyCodeLocal { get; init; }

    public GoAmlAddress? Location { get; init; }

    /// <summary><c>conduction_type</c> of the on-chain transfers.</summary>
    public string? TransmodeCode { get; init; }

    public string? TransmodeComment { get; init; }

    /// <summary><c>funds_type</c> on both sides of each transfer.</summary>
    public string? FundsCode { get; init; }

    /// <summary><c>country_type</c> written for a wallet whose country is not known (many lists have "-").</summary>
    public string? UnknownCountryCode { get; init; }

    /// <summary>Local currency per whole unit of an asset ("BTC" → 61234.5), for <c>amount_local</c> and <c>foreign_exchange_rate</c>.</summary>
    public IReadOnlyDictionary<string, decimal> Rates { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The FIU's <c>currency_type</c> code for an asset, where its list has one; only then is <c>foreign_currency</c> written.</summary>
    public IReadOnlyDictionary<string, string> AssetCurrencyCodes { get; init; } = new Dictionary<string, string>();

    /// <summary>Account description per chain id ("btc", "eth"…).</summary>
    public IReadOnlyDictionary<string, GoAmlInstitution> Institutions { get; init; } = new Dictionary<string, GoAmlInstitution>();

    /// <summary>Report indicator codes used when the command names none.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>Reads an FIU file; throws <see cref="CairnException"/> naming <paramref name="source"/> and the bad setting.</summary>
    public static GoAmlProfile Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<GoAmlProfile>(json, JsonOptions) ?? throw new CairnException($"{source} is empty");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw new CairnException($"{source} is not a goAML FIU file{where}: {ex.Message.Split(". Path:")[0]}", ex);
        }
    }

    /// <summary>The rate for <paramref name="asset"/>, matched case-insensitively, or null.</summary>
    public decimal? RateOf(string asset) =>
        Rates.FirstOrDefault(r => string.Equals(r.Key, asset, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found ? found.Value : null;

    public string? CurrencyCodeOf(string asset) =>
        AssetCurrencyCodes.FirstOrDefault(r => string.Equals(r.Key, asset, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The account description for <paramref name="chain"/>; throws naming the missing setting.</summary>
    public GoAmlInstitution InstitutionOf(string chain) =>
        Institutions.FirstOrDefault(i => string.Equals(i.Key, chain, StringComparison.OrdinalIgnoreCase)).Value
        ?? throw new ValidationException("institution_codes", $"institution_codes: goAML setting institutions.{chain} is missing: how the FIU wants {chain} wallets described (name and institution_code or swift, in the FIU file or the request as {chain}=CODE)");

    /// <summary>
    /// Throws a <see cref="ValidationException"/> listing every required setting that is missing or
    /// malformed, by its FIU file name; its field is the first one missing.
    /// </summary>
    public void Validate(IEnumerable<string> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var missing = new List<string>();
        string? firstField = null;
        void Need(string? value, string name)
        {
            if (!string.IsNullOrWhiteSpace(value)) return;
            missing.Add(name);
            firstField ??= name;
        }
        Need(RentityBranch, "rentity_branch");
        Need(SubmissionCode, "submission_code");
        Need(ReportCode, "report_code");
        Need(CurrencyCodeLocal, "currency_code_local");
        Need(TransmodeCode, "transmode_code");
        Need(TransmodeComment, "transmode_comment");
        Need(FundsCode, "funds_code");
        Need(UnknownCountryCode, "unknown_country_code");
        if (Location is null) missing.Add("location (address_type, address, city, state, country_code)");
        else
        {
            Need(Location.AddressType, "location.address_type");
            Need(Location.Address, "location.address");
            Need(Location.City, "location.city");
            Need(Location.State, "location.state");
            Need(Location.CountryCode, "location.country_code");
        }
        foreach (var chain in chains.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var institution = Institutions.FirstOrDefault(i => string.Equals(i.Key, chain, StringComparison.OrdinalIgnoreCase)).Value;
            if (institution is null) missing.Add($"institutions.{chain} (institution_code {chain}=CODE or swift {chain}=BIC)");
            else if (string.IsNullOrWhiteSpace(institution.InstitutionCode) == string.IsNullOrWhiteSpace(institution.Swift))
                missing.Add($"institutions.{chain}: exactly one of institution_code and swift");
            else if (string.IsNullOrWhiteSpace(institution.Name)) missing.Add($"institutions.{chain}.name");
        }
        foreach (var (asset, rate) in Rates)
            if (rate <= 0) missing.Add(string.Create(CultureInfo.InvariantCulture, $"rates.{asset} must be positive (is {rate})"));
        if (missing.Count > 0)
            throw new ValidationException(firstField ?? "fiu_config", "goAML report needs FIU settings (from the FIU file or the request): " + string.Join("; ", missing));
    }
}
