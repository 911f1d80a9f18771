using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using Cairn.Cases.Cases;
using Cairn.Core;

namespace Cairn.Exchange.GoAml;

/// <summary>
/// Writes a case as a goAML report (UNODC goAML XML, schema 4.x/5.x element names): report
/// header, <c>transaction</c> elements with <c>t_from</c>/<c>t_to</c> accounts (the wallet
/// addresses), the case's subjects and wallets as <c>activity/report_parties</c>, and
/// <c>report_indicators</c>. Element names and order follow public goAML implementations; which of
/// them we could not verify against the official XSD is listed in docs/exchange.md.
/// </summary>
public static class GoAmlWriter
{
    public static XDocument Write(Case source, GoAmlReportRequest request, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Indicators.Count == 0)
            throw new CairnException($"goAML report for case {source.Reference} needs at least one indicator code");
        var report = new XElement("report",
            new XElement("rentity_id", request.ReportingEntityId),
            new XElement("submission_code", "E"),
            new XElement("report_code", request.ReportCode),
            new XElement("entity_reference", source.Reference),
            new XElement("submission_date", Time(submittedAt)),
            new XElement("currency_code_local", request.CurrencyCodeLocal),
            new XElement("reporting_person",
                new XElement("first_name", request.ReportingPersonFirstName),
                new XElement("last_name", request.ReportingPersonLastName)),
            new XElement("reason", string.IsNullOrWhiteSpace(request.Reason) ? $"{source.Title} ({source.OffenceType})" : request.Reason),
            new XElement("action", request.Action));
        foreach (var transaction in request.Transactions)
            report.Add(Transaction(transaction, request));
        if (source.Subjects.Count > 0 || source.Wallets.Count > 0)
            report.Add(new XElement("activity", new XElement("report_parties",
                source.Subjects.Select(Party).Concat(source.Wallets.Select(Party)))));
        report.Add(new XElement("report_indicators", request.Indicators.Select(i => new XElement("indicator", i))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), report);
    }

    private static XElement Transaction(GoAmlTransaction transaction, GoAmlReportRequest request)
    {
        if (!BigInteger.TryParse(transaction.AmountBaseUnits, NumberStyles.None, CultureInfo.InvariantCulture, out var baseUnits))
            throw new CairnException($"transaction {transaction.TransactionId}: amount '{transaction.AmountBaseUnits}' is not a whole number of base units");
        var amount = BaseUnits.ToDecimalString(baseUnits, transaction.Decimals);
        XElement Side(string prefix, string address) => new($"t_{prefix}",
            new XElement($"{prefix}_funds_code", "K"),
            new XElement($"{prefix}_foreign_currency",
                new XElement("foreign_currency_code", transaction.Asset),
                new XElement("foreign_amount", amount),
                new XElement("foreign_exchange_rate", "0")),
            new XElement($"{prefix}_account",
                new XElement("institution_name", transaction.Chain),
                new XElement("account", address)),
            new XElement($"{prefix}_country", "UNK"));
        return new XElement("transaction",
            new XElement("transactionnumber", transaction.TransactionId),
            new XElement("transaction_location", transaction.Chain),
            new XElement("transaction_description", string.IsNullOrWhiteSpace(transaction.Description) ? $"{amount} {transaction.Asset} ({transaction.AmountBaseUnits} base units)" : transaction.Description),
            new XElement("date_transaction", Time(transaction.Time)),
            new XElement("transmode_code", request.TransmodeCode),
            new XElement("amount_local", transaction.AmountLocal),
            Side("from", transaction.FromAddress),
            Side("to", transaction.ToAddress));
    }

    private static XElement Party(CaseSubject subject)
    {
        var party = subject.Kind == SubjectKind.Person
            ? new XElement("person", NameParts(subject.Name))
            : new XElement("entity", new XElement("name", subject.Name));
        return new XElement("report_party", party, new XElement("significance", "1"), new XElement("comments", subject.Details));
    }

    private static XElement Party(CaseWallet wallet) => new("report_party",
        new XElement("account",
            new XElement("institution_name", wallet.Chain),
            new XElement("account", wallet.Address)),
        new XElement("significance", wallet.Role == WalletRole.Perpetrator ? "10" : "1"),
        new XElement("comments", $"{wallet.Role.ToString().ToLowerInvariant()} wallet {wallet.Label}".Trim()));

    private static IEnumerable<XElement> NameParts(string name)
    {
        var parts = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            ? [new XElement("first_name", parts[0]), new XElement("last_name", parts[1])]
            : [new XElement("last_name", name.Trim())];
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
