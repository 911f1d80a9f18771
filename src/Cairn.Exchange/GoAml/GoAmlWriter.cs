using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using Cairn.Cases.Cases;
using Cairn.Core;

namespace Cairn.Exchange.GoAml;

/// <summary>
/// Writes a case as a goAML report (UNODC goAML XML schema 5.0.x, no namespace): the header
/// (<c>rentity_id</c>, <c>rentity_branch</c>, codes, <c>reporting_person</c>, <c>location</c>,
/// <c>reason</c>, <c>action</c>), one <c>transaction</c> per transfer with <c>t_from</c>/<c>t_to</c>
/// accounts (the wallet addresses), the case's subjects and wallets as <c>activity/report_parties</c>,
/// and <c>report_indicators</c>. Element order and cardinality follow the schema; the tests validate
/// the output with XmlSchemaSet against the UNODC 5.0.1 template and an FIU's 5.0.2 copy. Every
/// FIU-specific value comes from <see cref="GoAmlProfile"/>.
/// </summary>
public static class GoAmlWriter
{
    /// <summary>goAML's <c>sql_decimal</c> allows at most 13 fraction digits; the exact base units go into the description.</summary>
    private const int MaxFractionDigits = 13;

    public static XDocument Write(Case source, GoAmlReportRequest request, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var profile = request.Profile;
        profile.Validate(request.Transactions.Select(t => t.Chain).Concat(source.Wallets.Select(w => w.Chain)));
        if (!int.TryParse(request.ReportingEntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var entityId) || entityId < 1)
            throw new ValidationException("rentity_id", $"rentity_id '{request.ReportingEntityId}' must be the positive whole number the FIU registered the reporting entity under");
        var indicators = request.Indicators.Count > 0 ? request.Indicators : profile.Indicators;
        if (indicators.Count == 0)
            throw new ValidationException("indicators", $"indicators: the goAML report for case {source.Reference} needs at least one indicator code (in the request or the FIU file)");
        if (request.Transactions.Count == 0 && source.Subjects.Count == 0 && source.Wallets.Count == 0)
            throw new ValidationException("transactions", $"transactions: the goAML report for case {source.Reference} needs a transaction, or a subject or wallet in the case");
        var location = profile.Location!;
        var report = new XElement("report",
            new XElement("rentity_id", entityId.ToString(CultureInfo.InvariantCulture)),
            new XElement("rentity_branch", profile.RentityBranch),
            new XElement("submission_code", profile.SubmissionCode),
            new XElement("report_code", profile.ReportCode),
            new XElement("entity_reference", source.Reference),
            new XElement("submission_date", Time(submittedAt)),
            new XElement("currency_code_local", profile.CurrencyCodeLocal),
            new XElement("reporting_person",
                new XElement("first_name", request.ReportingPersonFirstName),
                new XElement("last_name", request.ReportingPersonLastName)),
            new XElement("location",
                new XElement("address_type", location.AddressType),
                new XElement("address", location.Address),
                new XElement("city", location.City),
                location.Zip is { Length: > 0 } zip ? new XElement("zip", zip) : null,
                new XElement("country_code", location.CountryCode),
                new XElement("state", location.State)),
            new XElement("reason", string.IsNullOrWhiteSpace(request.Reason) ? $"{source.Title} ({source.OffenceType})" : request.Reason),
            new XElement("action", request.Action));
        foreach (var transaction in request.Transactions)
            report.Add(Transaction(transaction, profile));
        if (source.Subjects.Count > 0 || source.Wallets.Count > 0)
            report.Add(new XElement("activity", new XElement("report_parties",
                source.Subjects.Select(Party).Concat(source.Wallets.Select(w => Party(w, profile))))));
        report.Add(new XElement("report_indicators", indicators.Select(i => new XElement("indicator", i))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), report);
    }

    private static XElement Transaction(GoAmlTransaction transaction, GoAmlProfile profile)
    {
        if (!BigInteger.TryParse(transaction.AmountBaseUnits, NumberStyles.None, CultureInfo.InvariantCulture, out var baseUnits))
            throw new CairnException($"transaction {transaction.TransactionId}: amount '{transaction.AmountBaseUnits}' is not a whole number of base units");
        var exact = BaseUnits.ToDecimalString(baseUnits, transaction.Decimals);
        var rate = profile.RateOf(transaction.Asset);
        var local = LocalAmount(transaction, baseUnits, rate);
        var currencyCode = profile.CurrencyCodeOf(transaction.Asset);
        XElement Side(string prefix, string address) => new($"t_{prefix}",
            new XElement($"{prefix}_funds_code", profile.FundsCode),
            // foreign_currency needs a code from the FIU's currency list and (5.0.1) a rate: only written when both are configured.
            currencyCode is not null && rate is { } known
                ? new XElement($"{prefix}_foreign_currency",
                    new XElement("foreign_currency_code", currencyCode),
                    new XElement("foreign_amount", Decimal(baseUnits, transaction.Decimals)),
                    new XElement("foreign_exchange_rate", known.ToString(CultureInfo.InvariantCulture)))
                : null,
            Account($"{prefix}_account", transaction.Chain, address, address, profile),
            new XElement($"{prefix}_country", profile.UnknownCountryCode));
        return new XElement("transaction",
            new XElement("transactionnumber", transaction.TransactionId),
            new XElement("transaction_location", profile.InstitutionOf(transaction.Chain).Name),
            new XElement("transaction_description", string.IsNullOrWhiteSpace(transaction.Description)
                ? $"{exact} {transaction.Asset} ({transaction.AmountBaseUnits} base units) on {transaction.Chain}"
                : transaction.Description),
            new XElement("date_transaction", Time(transaction.Time)),
            new XElement("late_deposit", "false"),
            new XElement("transmode_code", profile.TransmodeCode),
            new XElement("transmode_comment", profile.TransmodeComment),
            new XElement("amount_local", local),
            Side("from", transaction.FromAddress),
            Side("to", transaction.ToAddress));
    }

    /// <summary>The analyst's figure if given, else amount × rate rounded to cents; a report never claims a value nobody supplied.</summary>
    private static string LocalAmount(GoAmlTransaction transaction, BigInteger baseUnits, decimal? rate)
    {
        if (!string.IsNullOrWhiteSpace(transaction.AmountLocal))
        {
            if (!decimal.TryParse(transaction.AmountLocal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var given))
                throw new CairnException($"transaction {transaction.TransactionId}: amount_local '{transaction.AmountLocal}' is not a decimal number");
            return given.ToString(CultureInfo.InvariantCulture);
        }
        if (rate is not { } known)
            throw new ValidationException("rates", $"rates: no {transaction.Asset}=LOCAL_PER_UNIT (in the request or the FIU file) and transaction {transaction.TransactionId} has no amount_local");
        var rateScale = known.Scale;
        var rateUnits = new BigInteger(known * Pow10Decimal(rateScale));
        // cents = round(baseUnits × rate × 100 / 10^(decimals + rateScale)), half away from zero.
        var numerator = baseUnits * rateUnits * 100;
        var denominator = BigInteger.Pow(10, transaction.Decimals + rateScale);
        var cents = (numerator + denominator / 2) / denominator;
        return BaseUnits.ToDecimalString(cents, 2);
    }

    private static decimal Pow10Decimal(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }

    /// <summary>The amount in whole units, rounded to the schema's 13 fraction digits where the asset has more (wei has 18).</summary>
    private static string Decimal(BigInteger baseUnits, int decimals)
    {
        if (decimals <= MaxFractionDigits) return BaseUnits.ToDecimalString(baseUnits, decimals);
        var divisor = BigInteger.Pow(10, decimals - MaxFractionDigits);
        return BaseUnits.ToDecimalString((baseUnits + divisor / 2) / divisor, MaxFractionDigits);
    }

    private static XElement Account(string element, string chain, string address, string accountName, GoAmlProfile profile)
    {
        var institution = profile.InstitutionOf(chain);
        return new XElement(element,
            new XElement("institution_name", institution.Name),
            string.IsNullOrWhiteSpace(institution.InstitutionCode) ? new XElement("swift", institution.Swift) : new XElement("institution_code", institution.InstitutionCode),
            institution.Country is { Length: > 0 } country ? new XElement("institution_country", country) : null,
            new XElement("non_bank_institution", "true"),
            new XElement("account", address),
            new XElement("account_name", accountName),
            institution.AccountType is { Length: > 0 } type ? new XElement("account_type", type) : null);
    }

    private static XElement Party(CaseSubject subject)
    {
        var party = subject.Kind == SubjectKind.Person
            ? new XElement("person", NameParts(subject.Name))
            : new XElement("entity", new XElement("name", subject.Name));
        return new XElement("report_party", party, new XElement("significance", "1"), new XElement("reason", subject.Details), new XElement("comments", subject.Details));
    }

    private static XElement Party(CaseWallet wallet, GoAmlProfile profile)
    {
        var description = $"{wallet.Role.ToString().ToLowerInvariant()} wallet {wallet.Label}".Trim();
        return new XElement("report_party",
            Account("account", wallet.Chain, wallet.Address, string.IsNullOrWhiteSpace(wallet.Label) ? wallet.Address : wallet.Label, profile),
            new XElement("significance", wallet.Role == WalletRole.Perpetrator ? "10" : "1"),
            new XElement("reason", description),
            new XElement("comments", description));
    }

    private static IEnumerable<XElement> NameParts(string name)
    {
        var parts = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        // Both names are required by t_person; a single-word name is written as the last name with an unknown first name.
        return parts.Length == 2
            ? [new XElement("first_name", parts[0]), new XElement("last_name", parts[1])]
            : [new XElement("first_name", "-"), new XElement("last_name", name.Trim())];
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
