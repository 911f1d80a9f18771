namespace Cairn.Tracing.Attribution;

/// <summary>
/// Address-level attribution (tags). Implemented from a generated chain's scenario.json and,
/// for real cases, from Cairn.Intel. <see cref="ClusterAttribution"/> lifts it to whole clusters.
/// </summary>
public interface IAttributionSource
{
    /// <summary>The attribution of an address string, or null when none is known.</summary>
    ActorAttribution? Lookup(string address);

    /// <summary>Every address this source attributes (to propagate tags to their clusters).</summary>
    IEnumerable<string> AttributedAddresses { get; }

    /// <summary>True when the address is on a sanctions list (a flag beside the attribution; sources without lists say no).</summary>
    bool IsSanctioned(string address) => false;
}
