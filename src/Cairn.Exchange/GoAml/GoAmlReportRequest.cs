namespace Cairn.Exchange.GoAml;

/// <summary>
/// What a goAML suspicious transaction report needs beyond the case: the reporting entity's goAML
/// id, the reporting person, the local currency, the reason and action text, the indicator codes
/// (each FIU publishes its own list) and the transactions.
/// </summary>
public sealed record GoAmlReportRequest
{
    public required string ReportingEntityId { get; init; }

    public required string ReportingPersonFirstName { get; init; }

    public required string ReportingPersonLastName { get; init; }

    public string CurrencyCodeLocal { get; init; } = "EUR";

    public string Reason { get; init; } = "";

    public string Action { get; init; } = "";

    /// <summary>goAML <c>report_code</c>: STR (suspicious transaction report) by default.</summary>
    public string ReportCode { get; init; } = "STR";

    public IReadOnlyList<string> Indicators { get; init; } = [];

    public IReadOnlyList<GoAmlTransaction> Transactions { get; init; } = [];

    /// <summary>goAML <c>transmode_code</c> for the transfers; FIU-specific lookup, "VA" (virtual asset) unless told otherwise.</summary>
    public string TransmodeCode { get; init; } = "VA";
}
