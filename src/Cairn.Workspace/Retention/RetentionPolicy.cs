using Cairn.Storage.Retention;

namespace Cairn.Workspace.Retention;

/// <summary>How long one data class is kept: <see cref="KeepDays"/> after the case is closed (received disclosures: after receipt); null keeps it until someone deletes it.</summary>
public sealed record RetentionPolicy(string DataClass, int? KeepDays)
{
    /// <summary>The data classes, in the order people read them.</summary>
    public static readonly IReadOnlyList<string> Classes = [SqlRetentionStore.CaseData, SqlRetentionStore.PersonalData, SqlRetentionStore.EvidenceFiles, SqlRetentionStore.ReceivedDisclosures];

    /// <summary>What the class holds, in words.</summary>
    public static string What(string dataClass) => dataClass switch
    {
        SqlRetentionStore.CaseData => "case notes, wallets and saved traces",
        SqlRetentionStore.PersonalData => "personal data of subjects (names, details, identifiers)",
        SqlRetentionStore.EvidenceFiles => "evidence files (the record of each file and its SHA-256 stay)",
        SqlRetentionStore.ReceivedDisclosures => "content of received disclosures and messages (digest and receipts stay)",
        _ => dataClass,
    };

    /// <summary>The rule in words, e.g. "deleted 5 years (1825 days) after the case is closed".</summary>
    public string Rule
    {
        get
        {
            if (KeepDays is not { } days) return "kept until deleted by hand (no retention period set)";
            var period = days == 0 ? "as soon as"
                : days % 365 == 0 ? $"{days / 365} year{(days == 365 ? "" : "s")} ({days} days) after"
                : $"{days} day{(days == 1 ? "" : "s")} after";
            var from = DataClass == SqlRetentionStore.ReceivedDisclosures ? "it was received" : "the case is closed";
            return $"deleted {period} {from}, unless the case is on legal hold";
        }
    }

    public string Description => $"{char.ToUpperInvariant(What(DataClass)[0])}{What(DataClass)[1..]}: {Rule}.";

    /// <summary>The newest time whose content is due at <paramref name="now"/>, or null when the class is kept.</summary>
    public DateTimeOffset? CutoffAt(DateTimeOffset now) => KeepDays is { } days ? now.AddDays(-days) : null;
}
