using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// The multi-input heuristic over transaction shapes keyed by address text (the index's
/// <see cref="Cairn.Tracing.Clustering.AddressClusters"/> needs an index): the addresses of the
/// inputs of every transaction with two or more inputs that <see cref="ShapeRules.CoinJoin"/> does
/// not call a CoinJoin are joined; inputs without a known address are skipped, as there.
/// </summary>
internal sealed class AddressUnion
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _parent = [];

    public static AddressUnion Of(IEnumerable<TransactionShape> shapes)
    {
        var union = new AddressUnion();
        foreach (var shape in shapes)
        {
            if (shape.IsCoinbase) continue;
            var addresses = shape.Inputs.Select(i => i.Address).OfType<string>().ToList();
            foreach (var address in addresses) union.Id(address);
            if (shape.Inputs.Count < 2 || ShapeRules.CoinJoin(shape) is not null) continue;
            for (var i = 1; i < addresses.Count; i++) union.Join(addresses[0], addresses[i]);
        }
        return union;
    }

    /// <summary>Addresses seen as inputs (spent from): the only ones the heuristic can place.</summary>
    public IEnumerable<string> Addresses => _ids.Keys;

    public bool Contains(string address) => _ids.ContainsKey(address);

    public int ClusterOf(string address) => Find(_ids[address]);

    private int Id(string address)
    {
        if (_ids.TryGetValue(address, out var id)) return id;
        id = _parent.Count;
        _ids[address] = id;
        _parent.Add(id);
        return id;
    }

    private void Join(string a, string b)
    {
        var (x, y) = (Find(Id(a)), Find(Id(b)));
        if (x != y) _parent[Math.Max(x, y)] = Math.Min(x, y);
    }

    private int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }
}
