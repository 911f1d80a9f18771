using System.Numerics;

namespace Cairn.Cases.Ledger;

/// <summary>
/// Where one asset stands: <see cref="Frozen"/> (restrained, not yet seized), <see cref="Seized"/>
/// (in custody), <see cref="Confiscated"/> (forfeited, not yet disposed of), and the totals disposed
/// of by liquidation, return and sharing. All in base units.
/// </summary>
public sealed record AssetBalance(AssetKey Asset, BigInteger Frozen, BigInteger Seized, BigInteger Confiscated, BigInteger Liquidated, BigInteger Returned, BigInteger Shared);
