namespace Cairn.Development.Validation.Real;

/// <summary>
/// What Dumplings' scanner (and CRoCS' false-positive filter) said a mainnet transaction is. The
/// CoinJoin labels come from Dumplings' own structural rules (Wasabi 1 before 2019 also from the
/// coordinator's fee address), so agreeing with them is agreement with a peer, not accuracy.
/// </summary>
public enum DumplingsLabel
{
    /// <summary>Dumplings: a Wasabi 1.x CoinJoin (WasabiCoinJoins.txt).</summary>
    Wasabi1,

    /// <summary>Dumplings: a Wasabi 2.x (WabiSabi) CoinJoin (Wasabi2CoinJoins.txt).</summary>
    Wasabi2,

    /// <summary>Dumplings: a Samourai Whirlpool mix (SamouraiCoinJoins.txt).</summary>
    Whirlpool,

    /// <summary>Dumplings: another equal-output CoinJoin, JoinMarket-like (OtherCoinJoins.txt).</summary>
    OtherEqualOutput,

    /// <summary>A Whirlpool Tx0 (premix): one entrant's transaction, not a CoinJoin.</summary>
    Tx0,

    /// <summary>A spend of a mixed coin that is not itself a CoinJoin (…PostMixTxs.txt).</summary>
    PostMix,

    /// <summary>Flagged as an equal-output CoinJoin by Dumplings, judged a false positive by CRoCS' filter.</summary>
    FilteredFalsePositive,
}
