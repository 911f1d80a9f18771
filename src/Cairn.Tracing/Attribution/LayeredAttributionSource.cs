namespace Cairn.Tracing.Attribution;

/// <summary>
/// Several attribution sources asked in order: the first that knows an address answers (e.g. a
/// case's own scenario or user tags on top of imported intelligence). An address is sanctioned
/// when any layer says so.
/// </summary>
public sealed class LayeredAttributionSource : IAttributionSource
{
    private readonly IReadOnlyList<IAttributionSource> _layers;

    /// <param name="layers">Highest priority first.</param>
    public LayeredAttributionSource(params IReadOnlyList<IAttributionSource> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = layers;
    }

    public IEnumerable<string> AttributedAddresses => _layers.SelectMany(l => l.AttributedAddresses).Distinct(StringComparer.Ordinal);

    public ActorAttribution? Lookup(string address)
    {
        foreach (var layer in _layers)
            if (layer.Lookup(address) is { } found) return found;
        return null;
    }

    public bool IsSanctioned(string address) => _layers.Any(l => l.IsSanctioned(address));
}
