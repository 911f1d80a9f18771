using System.Collections;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// The endpoints of a trace, in the reported order (largest amount first, then by <c>txid:vout</c>),
/// kept as <see cref="TraceStop"/>s: an endpoint's <c>txid:vout</c>, address and paths are formatted
/// when that entry is first read, and kept. Counting the endpoints or summing their amounts
/// (<see cref="TotalSat"/>) formats nothing. Safe to read from several threads (each entry is made
/// once, under the run's lock).
/// </summary>
internal sealed class TraceEndpointList : IReadOnlyList<TraceEndpoint>
{
    private readonly TraceRun _run;
    private readonly TraceStop[] _stops;
    private readonly TraceEndpoint?[] _made;

    public TraceEndpointList(TraceRun run, TraceStop[] stops)
    {
        _run = run;
        _stops = stops;
        _made = new TraceEndpoint?[stops.Length];
        foreach (var stop in stops) TotalSat += stop.AmountSat;
    }

    public int Count => _stops.Length;

    /// <summary>Sum of the endpoints' amounts, known without making any endpoint.</summary>
    public long TotalSat { get; }

    /// <summary>The stops behind the entries, in the same order (for the parts of the result worked out from them).</summary>
    public ReadOnlySpan<TraceStop> Stops => _stops;

    public TraceEndpoint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _stops.Length);
            return Volatile.Read(ref _made[index]) ?? Make(index);
        }
    }

    public IEnumerator<TraceEndpoint> GetEnumerator()
    {
        for (var i = 0; i < _stops.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private TraceEndpoint Make(int index)
    {
        lock (_run.Gate)
        {
            if (_made[index] is { } made) return made;
            made = _run.Endpoint(_stops[index]);
            Volatile.Write(ref _made[index], made);
            return made;
        }
    }
}
