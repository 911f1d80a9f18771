namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// How much a figure says about the heuristic's error rate in the world, strongest first. Only
/// the first two are evidence a court can weigh as an error rate; the others are reported apart.
/// </summary>
public enum EvidenceKind
{
    /// <summary>Mainnet transactions whose labels come from outside the heuristic (a coordinator's published list, an address paid back to its own input).</summary>
    IndependentReal,

    /// <summary>Transactions made by the real wallet software (JoinMarket, Wasabi, Bitcoin Core) in an emulated network, where the owner of every coin is known.</summary>
    IndependentEmulated,

    /// <summary>Labels from another tool's heuristic: agreement with a peer, not accuracy.</summary>
    PeerAgreement,

    /// <summary>Cairn's generated chain, whose construction does not build in the rule's assumption.</summary>
    Synthetic,

    /// <summary>Cairn's generated chain, built with the rule's own assumption: proves the code does what the rule says, not that the rule holds in the world.</summary>
    SelfConsistency,
}
