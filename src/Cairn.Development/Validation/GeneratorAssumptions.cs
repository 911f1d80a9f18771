using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>
/// Which parts of the generated chain (src/Cairn.Development/Generation) encode a rule's own
/// assumption. A rule measured on data built with its assumption shows that the code does what
/// the rule says (self-consistency), not how often the rule is right in the world; those figures
/// are reported apart from independent ones (docs/heuristics.md).
/// </summary>
public static class GeneratorAssumptions
{
    private static readonly Dictionary<string, (EvidenceKind Evidence, string Why)> ByRule = new(StringComparer.Ordinal)
    {
        [HeuristicCatalogue.MultiInput] = (EvidenceKind.SelfConsistency,
            "every generated multi-input transaction is one owner's spend or a CoinJoin built to the detector's own Wasabi 1 / Whirlpool pattern, so a false merge can only come from a missed CoinJoin"),
        [HeuristicCatalogue.ChangeBasedClustering] = (EvidenceKind.SelfConsistency,
            "inherits the change rules' built-in assumptions (below)"),
        ["address_reuse"] = (EvidenceKind.SelfConsistency,
            "15 % of users, the pool and the exchanges' hot wallets keep one address for everything, change included: the rule's premise"),
        ["one_time_change"] = (EvidenceKind.SelfConsistency,
            "every wallet has one script type and takes its change to a fresh address of that type, while payees' types follow the script mix"),
        ["optimal_change"] = (EvidenceKind.Synthetic,
            "coin selection (newest first, else largest first) and the amount distributions were not built for this rule; still a synthetic economy"),
        ["power_of_ten_payment"] = (EvidenceKind.SelfConsistency,
            "20 % of retail payments and the scenario's peels are rounded on purpose, and change is always a remainder"),
        ["locktime_fingerprint"] = (EvidenceKind.SelfConsistency,
            "each wallet sets nLockTime always or never, exactly the fingerprint the rule reads"),
        [HeuristicCatalogue.ChangeVerdict] = (EvidenceKind.SelfConsistency,
            "combines the rules above, most of which are built in"),
        ["whirlpool"] = (EvidenceKind.SelfConsistency,
            "the generator's Whirlpool mixes are 5 × 5 at the 0.05 BTC pool: the detector's pattern"),
        ["wasabi1"] = (EvidenceKind.SelfConsistency,
            "the generator's CoinJoins have 5–29 equal 0.1 BTC outputs plus change: the detector's pattern (rounds under 10 count as misses here)"),
        ["wasabi2"] = (EvidenceKind.SelfConsistency,
            "the generator makes no WabiSabi rounds: only false alarms can be counted"),
        ["joinmarket"] = (EvidenceKind.SelfConsistency,
            "the generator makes no JoinMarket transactions; fires on its small Wasabi-style rounds count as right (they are CoinJoins)"),
        ["generic_equal_output"] = (EvidenceKind.SelfConsistency,
            "no CoinJoin of another kind is generated: only false alarms on ordinary transactions can be counted"),
        [HeuristicCatalogue.CoinJoinAny] = (EvidenceKind.SelfConsistency,
            "every generated CoinJoin follows one of the detector's patterns"),
        [HeuristicCatalogue.PeelChain] = (EvidenceKind.SelfConsistency,
            "planted chains are one input, two outputs, the peel at most a third of the coin: the detector's shape"),
        [HeuristicCatalogue.PeelLargerOutput] = (EvidenceKind.SelfConsistency,
            "planted peels are at most a third of the coin, so the larger output is the change by construction"),
    };

    public static EvidenceKind EvidenceFor(string rule) => ByRule[rule].Evidence;

    /// <summary>What in the generated chain encodes (or does not encode) the rule's assumption.</summary>
    public static string AssumptionOf(string rule) => ByRule[rule].Why;

    public static IReadOnlyCollection<string> Rules => ByRule.Keys;
}
