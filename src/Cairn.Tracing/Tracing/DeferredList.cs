using System.Collections;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// A list of a trace result built on its first read (peel chains, heuristics, jurisdictions,
/// bounds): a trace whose caller only counts the endpoints, or saves the request, never pays for
/// them. Built once under the run's lock, as every part of a result made late reads the same run state.
/// </summary>
internal sealed class DeferredList<T>(Lock gate, Func<IReadOnlyList<T>> build) : IReadOnlyList<T>
{
    private IReadOnlyList<T>? _items;
    private Func<IReadOnlyList<T>>? _build = build;

    public int Count => Items.Count;

    public T this[int index] => Items[index];

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IReadOnlyList<T> Items => Volatile.Read(ref _items) ?? Build();

    private IReadOnlyList<T> Build()
    {
        lock (gate)
        {
            if (_items is null)
            {
                Volatile.Write(ref _items, _build!());
                _build = null; // the closure holds the run's state: drop it once built
            }
            return _items;
        }
    }
}
