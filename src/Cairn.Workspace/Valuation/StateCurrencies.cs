namespace Cairn.Workspace.Valuation;

/// <summary>
/// The currency a State's authorities value assets in, for the estimated value of a freezing or
/// confiscation request (Reg 2018/1805 certificates, section D: "indicate currency"). ISO 4217 codes
/// as the ISO 4217 maintenance agency lists them for each State; the euro area as of 2026 (Croatia
/// since 2023, Bulgaria since 1 January 2026). Only the currencies Cairn values in (<see cref="RateService.Currency"/>).
/// </summary>
public static class StateCurrencies
{
    private static readonly string[] EuroArea = ["AT", "BE", "BG", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"];

    private static readonly Dictionary<string, string> Others = new(StringComparer.Ordinal)
    {
        ["GB"] = "GBP", ["US"] = "USD", ["CH"] = "CHF", ["LI"] = "CHF", ["JP"] = "JPY", ["CA"] = "CAD", ["AU"] = "AUD", ["SG"] = "SGD", ["HK"] = "HKD",
        ["SE"] = "SEK", ["NO"] = "NOK", ["DK"] = "DKK", ["PL"] = "PLN", ["CZ"] = "CZK", ["HU"] = "HUF", ["RO"] = "RON", ["KR"] = "KRW", ["CN"] = "CNY",
        ["IN"] = "INR", ["BR"] = "BRL", ["ZA"] = "ZAR", ["TR"] = "TRY", ["AE"] = "AED", ["NZ"] = "NZD", ["MX"] = "MXN",
        // States that use another State's currency as their own.
        ["MC"] = "EUR", ["SM"] = "EUR", ["VA"] = "EUR", ["AD"] = "EUR", ["ME"] = "EUR", ["XK"] = "EUR",
    };

    /// <summary>The currency of <paramref name="state"/> (ISO 3166-1 alpha-2), or null when Cairn does not value in it.</summary>
    public static string? Of(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var code = state.Trim().ToUpperInvariant();
        return EuroArea.Contains(code) ? "EUR" : Others.GetValueOrDefault(code);
    }
}
