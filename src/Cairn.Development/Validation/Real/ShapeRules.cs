using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// The production rules applied to transaction shapes outside an index, exactly as the index-based
/// entry points apply them: a CoinJoin verdict from the input count and output values
/// (<see cref="CoinJoinDetector.Detect(int, ReadOnlySpan{long})"/>), and no change verdict for a
/// coinbase or a CoinJoin (as <see cref="ChangeDetector.Detect(Cairn.Index.Bitcoin.BitcoinIndex, uint)"/>).
/// </summary>
public static class ShapeRules
{
    public static HeuristicVerdict? CoinJoin(TransactionShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.IsCoinbase ? null : CoinJoinDetector.Detect(shape.Inputs.Count, [.. shape.Outputs.Select(o => o.Value)]);
    }

    public static ChangeVerdict Change(TransactionShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.IsCoinbase || shape.Outputs.Count < 2 || CoinJoin(shape) is not null ? ChangeVerdict.None : ChangeDetector.Detect(shape);
    }
}
