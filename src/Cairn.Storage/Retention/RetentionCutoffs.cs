namespace Cairn.Storage.Retention;

/// <summary>
/// Per data class, the newest time whose content is due for deletion (null: the class is kept).
/// Case data, personal data and evidence files count from the day the case was closed; received
/// disclosures from the day they were received.
/// </summary>
public sealed record RetentionCutoffs(DateTimeOffset? CaseData, DateTimeOffset? PersonalData, DateTimeOffset? EvidenceFiles, DateTimeOffset? ReceivedDisclosures);
