using Cairn.Index.Bitcoin;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// What a saved trace needs to be run again: the request, the chain it ran on (a UTXO chain id of the
/// registry, btc by default) and the chain tip. Stored as JSON by <see cref="TraceRequestJson"/>
/// (e.g. attached to a case as evidence).
/// </summary>
public sealed record SavedTrace(TraceRequest Request, long TipHeight, string TipHash, string Chain = "btc")
{
    public static SavedTrace Of(TraceResult result, string chain = "btc")
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SavedTrace(result.Request, result.TipHeight, result.TipHash, chain);
    }

    /// <summary>
    /// Runs the request again. The index must stand at the same tip: with more blocks, later
    /// spends would extend the trace, and after a reorganisation the paths may no longer exist, so
    /// a different tip is refused rather than silently giving a different answer.
    /// </summary>
    public TraceResult Rerun(Tracer tracer, BitcoinIndex index)
    {
        ArgumentNullException.ThrowIfNull(tracer);
        ArgumentNullException.ThrowIfNull(index);
        var tipHash = index.TipHash?.ToString() ?? "";
        if (index.TipHeight != TipHeight || !string.Equals(tipHash, TipHash, StringComparison.OrdinalIgnoreCase))
            throw new Cairn.Core.CairnException($"the saved trace ran at tip {TipHeight} ({TipHash}) but the index is at {index.TipHeight} ({tipHash}): re-run it on an index of that tip");
        return tracer.Trace(Request);
    }
}
