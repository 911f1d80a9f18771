using System.Runtime.CompilerServices;
using Cairn.Chains.Bitcoin;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// Sorts a trace's stops into the order endpoints are reported in: larger amount first, then the
/// <c>txid:vout</c> texts compared ordinally, without writing them (the display txid's ordinal order is
/// <see cref="Hash256.CompareTo"/>'s; within one transaction the vouts compare as decimal texts,
/// <see cref="TraceRun.CompareAsText"/>). Two stops of the same output compare equal.
/// </summary>
/// <remarks>
/// Issue 19, session 12: the positions (an <c>int[]</c>) are sorted, not the stops. The framework's
/// introspective sort decides every move from the comparisons' outcomes alone, so this gives exactly the
/// permutation sorting the stops with the same comparison gave, ties included; but the sort over
/// <c>int</c> is precompiled (ReadyToRun), while the one over <see cref="TraceStop"/>, a value type of
/// this assembly, was compiled in the process and ran unoptimised through a fresh process's first
/// hundred-odd traces. A stop's transaction and vout are looked up once, when a tie on the amount first needs
/// them, and its txid once, when a tie with a stop of another transaction needs it (each a random read of the
/// index; a comparison used to make two).
/// </remarks>
internal sealed class StopOrder
{
    private readonly TraceStop[] _stops;
    private readonly Func<int, (uint Transaction, uint Vout)> _locate;
    private readonly Func<uint, Hash256> _txid;
    private readonly (uint Transaction, uint Vout)[] _located;
    private readonly Hash256[] _txids;
    /// <summary>Per position: 1 once its transaction and vout are looked up, 2 once its txid is too.</summary>
    private readonly byte[] _known;

    private StopOrder(TraceStop[] stops, Func<int, (uint Transaction, uint Vout)> locate, Func<uint, Hash256> txid)
    {
        _stops = stops;
        _locate = locate;
        _txid = txid;
        _located = new (uint, uint)[stops.Length];
        _txids = new Hash256[stops.Length];
        _known = new byte[stops.Length];
    }

    /// <summary>Sorts <paramref name="stops"/> in place; <paramref name="locate"/> gives an output number's transaction and vout, <paramref name="txid"/> a transaction's txid.</summary>
    public static void Sort(TraceStop[] stops, Func<int, (uint Transaction, uint Vout)> locate, Func<uint, Hash256> txid)
    {
        if (stops.Length < 2) return;
        var order = new StopOrder((TraceStop[])stops.Clone(), locate, txid);
        var positions = new int[stops.Length];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort(positions, order.Compare);
        for (var i = 0; i < positions.Length; i++) stops[i] = order._stops[positions[i]];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // n log n calls per trace, from the first trace on
    private int Compare(int a, int b)
    {
        var (x, y) = (_stops[a], _stops[b]);
        if (x.AmountSat != y.AmountSat) return y.AmountSat.CompareTo(x.AmountSat);
        if (x.Output == y.Output) return 0;
        var (txA, voutA) = Located(a);
        var (txB, voutB) = Located(b);
        // One transaction (or two with the same txid, as BIP 30's duplicate coinbases have): the vouts decide.
        var byTxid = txA == txB ? 0 : Txid(a).CompareTo(Txid(b));
        return byTxid != 0 ? byTxid : TraceRun.CompareAsText(voutA, voutB);
    }

    private (uint Transaction, uint Vout) Located(int position)
    {
        if (_known[position] == 0)
        {
            _located[position] = _locate(_stops[position].Output);
            _known[position] = 1;
        }
        return _located[position];
    }

    private Hash256 Txid(int position)
    {
        if (_known[position] < 2)
        {
            _txids[position] = _txid(_located[position].Transaction);
            _known[position] = 2;
        }
        return _txids[position];
    }
}
