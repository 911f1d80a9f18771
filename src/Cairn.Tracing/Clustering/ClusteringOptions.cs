namespace Cairn.Tracing.Clustering;

/// <summary>
/// Which heuristics <see cref="AddressClusters.Build(Cairn.Index.Bitcoin.BitcoinIndex, ClusteringOptions)"/> applies. Multi-input
/// always; change-based clustering (the change output's address joins the inputs' cluster) is
/// off by default, because one wrong change guess merges two entities for good.
/// </summary>
public sealed record ClusteringOptions
{
    public static ClusteringOptions MultiInputOnly { get; } = new();

    /// <summary>Also join each transaction's change address (per <see cref="Heuristics.ChangeDetector"/>) to its inputs' cluster.</summary>
    public bool ChangeBased { get; init; }

    /// <summary>Least combined change confidence that joins clusters (default 0.9: address reuse, or several rules agreeing).</summary>
    public double MinimumChangeConfidence { get; init; } = 0.9;
}
