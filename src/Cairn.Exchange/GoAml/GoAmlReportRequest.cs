namespace Cairn.Exchange.GoAml;

/// <summary>
/// What a goAML suspicious transaction report needs beyond the case: the reporting entity's goAML
/// id and reporting person, the reason and action text, the indicator codes (each FIU publishes its
/// own list; the profile's are used when none are given), the transactions, and the FIU's
/// <see cref="Profile"/> (branch, location, code lists, rates, institutions).
/// </summary>
public sealed record GoAmlReportRequest
{
    /// <summary>goAML <c>rentity_id</c>: the positive integer the FIU registered the reporting entity under.</summary>
    public required string ReportingEntityId { get; init; }

    public required string ReportingPersonFirstName { get; init; }

    public required string ReportingPersonLastName { get; init; }

    public required GoAmlProfile Profile { get; init; }

    public string Reason { get; init; } = "";

    public string Action { get; init; } = "";

    public IReadOnlyList<string> Indicators { get; init; } = [];

    public IReadOnlyList<GoAmlTransaction> Transactions { get; init; } = [];
}
