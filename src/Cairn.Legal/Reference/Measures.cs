namespace Cairn.Legal.Reference;

/// <summary>
/// The cooperation measures a route can be asked for. Names are the snake_case strings used in the
/// data files, the CLI and JSON; they follow the vocabulary of the instruments (e.g. "preservation"
/// is Budapest Art 29, "expedited_disclosure" is Art 30, "realtime_traffic_data" Art 33,
/// "interception" Art 34, "fiu_exchange" is FIU-to-FIU exchange under the Egmont principles,
/// "transaction_postponement" CETS 198 Art 47).
/// </summary>
public static class Measures
{
    public const string Preservation = "preservation";
    public const string TrafficData = "traffic_data";
    public const string SubscriberInfo = "subscriber_info";
    public const string StoredContent = "stored_content";
    public const string Freeze = "freeze";
    public const string Seizure = "seizure";
    public const string Confiscation = "confiscation";
    public const string AssetReturn = "asset_return";
    public const string Testimony = "testimony";
    public const string FiuExchange = "fiu_exchange";
    public const string DomainRegistration = "domain_registration";
    public const string JointInvestigation = "joint_investigation";
    public const string RealtimeTrafficData = "realtime_traffic_data";
    public const string Interception = "interception";
    public const string BankingInformation = "banking_information";
    public const string TransactionPostponement = "transaction_postponement";
    public const string AssetTracing = "asset_tracing";
    public const string ExpeditedDisclosure = "expedited_disclosure";

    public static readonly IReadOnlyList<string> All =
    [
        Preservation, TrafficData, SubscriberInfo, StoredContent, Freeze, Seizure, Confiscation,
        AssetReturn, Testimony, FiuExchange, DomainRegistration, JointInvestigation,
        RealtimeTrafficData, Interception, BankingInformation, TransactionPostponement, AssetTracing, ExpeditedDisclosure,
    ];

    public static bool IsKnown(string measure) => All.Contains(measure, StringComparer.Ordinal);

    /// <summary>Normalises user input ("traffic-data", "Traffic_Data") and rejects unknown measures with the list of known ones.</summary>
    public static string Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Trim().ToLowerInvariant().Replace('-', '_');
        if (!IsKnown(normalised))
            throw new Core.CairnException($"unknown measure '{text}': expected one of {string.Join(", ", All)}");
        return normalised;
    }
}
