namespace Cairn.Tracing.Heuristics;

/// <summary>
/// Every heuristic rule Cairn applies, by the id its verdicts carry (<see cref="HeuristicVerdict.Rule"/>,
/// <see cref="ChangeEvidence"/>, <see cref="PeelStep.Rule"/>) plus the aggregate verdicts the
/// tracer acts on (<c>change_verdict</c>, <c>coinjoin_any</c>). Each has measured error rates in
/// <see cref="ErrorRates.HeuristicFigures"/> (docs/heuristics.md).
/// </summary>
public static class HeuristicCatalogue
{
    public const string MultiInput = "multi_input";
    public const string ChangeBasedClustering = "change_based_clustering";
    public const string ChangeVerdict = "change_verdict";
    public const string CoinJoinAny = "coinjoin_any";
    public const string PeelChain = "peel_chain";
    public const string PeelLargerOutput = "peel_larger_output";

    public static IReadOnlyList<HeuristicRule> Rules { get; } =
    [
        new(MultiInput, HeuristicKind.Clustering, "Addresses spent together in one transaction have one owner, CoinJoins excepted",
            "Nakamoto 2008 §10; Meiklejohn et al. 2013, A Fistful of Bitcoins (IMC) §4.1; Ermilov et al. 2017, Automatic Bitcoin Address Clustering (ICMLA)"),
        new(ChangeBasedClustering, HeuristicKind.Clustering, "A confident change output (combined confidence ≥ 0.9) joins its inputs' cluster (opt-in)",
            "Meiklejohn et al. 2013 §4.2; Kappos et al. 2022, How to Peel a Million (USENIX Security)"),
        new("address_reuse", HeuristicKind.Change, "The one output paying back to an input's address is change",
            "Meiklejohn et al. 2013 §4.2 (change sent back to the spending address)"),
        new("one_time_change", HeuristicKind.Change, "The one output to a never-used address of the inputs' script type, with a non-round value, is change",
            "Androulaki et al. 2013, Evaluating User Privacy in Bitcoin (FC); Meiklejohn et al. 2013 §4.2"),
        new("optimal_change", HeuristicKind.Change, "The one output smaller than the smallest input is change",
            "Nick 2015, Data-Driven De-Anonymization in Bitcoin (ETH Zürich)"),
        new("power_of_ten_payment", HeuristicKind.Change, "When every other output is a round amount, the one non-round output is change",
            "Kalodner et al. 2020, BlockSci (USENIX Security), change heuristics"),
        new("locktime_fingerprint", HeuristicKind.Change, "The one output whose spender uses nLockTime as this transaction does is change",
            "Kalodner et al. 2020, BlockSci, change heuristics (wallet fingerprints)"),
        new(ChangeVerdict, HeuristicKind.Change, "The combined verdict of the change rules (what peel chains and change-based clustering use)",
            "Cairn: 1 − Π(1 − c) per output, discounted by competing outputs (docs/tracing.md)"),
        new("whirlpool", HeuristicKind.CoinJoin, "5 inputs and 5 outputs, all of one Whirlpool pool denomination",
            "Samourai Whirlpool pools; Stütz et al. 2022 (AFT) Samourai detection heuristic"),
        new("wasabi2", HeuristicKind.CoinJoin, "≥ 50 inputs and outputs, most on WabiSabi standard denominations",
            "WalletWasabi denominations; Svenda et al. 2025 (PETS)"),
        new("wasabi1", HeuristicKind.CoinJoin, "≥ 10 equal outputs near 0.1 BTC, at least as many inputs",
            "ZeroLink / Wasabi 1; Möser & Böhme 2017, Anonymous Alone? (IEEE EuroS&PW)"),
        new("joinmarket", HeuristicKind.CoinJoin, "3–15 equal outputs, at least as many inputs, at most one other output each",
            "JoinMarket; Möser & Böhme 2017"),
        new("generic_equal_output", HeuristicKind.CoinJoin, "≥ 3 equal outputs funded by at least as many inputs",
            "Möser & Böhme 2017; Meiklejohn et al. 2013 (CoinJoin as the multi-input heuristic's exception)"),
        new(CoinJoinAny, HeuristicKind.CoinJoin, "Any CoinJoin rule fires (the filter clustering and tracing apply)",
            "Cairn: first matching rule of CoinJoinDetector"),
        new(PeelChain, HeuristicKind.PeelChain, "Three or more one-input hops, each paying a peel and passing the change on",
            "Meiklejohn et al. 2013 §5 (peeling chains)"),
        new(PeelLargerOutput, HeuristicKind.PeelChain, "Where the change rules name no change, the larger output of a peel hop carries the chain on",
            "Meiklejohn et al. 2013 §5"),
    ];

    public static HeuristicRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
