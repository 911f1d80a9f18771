using Cairn.Tracing.Attribution;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Where a trace or cluster lookup takes its attribution from: the installation's intelligence
/// (tags, actors, sanctions) unless <see cref="UseIntel"/> is off, with an <see cref="Overlay"/>
/// asked first when given (e.g. a generated chain's ground truth in development).
/// </summary>
public sealed record TraceAttribution(bool UseIntel = true, IAttributionSource? Overlay = null)
{
    public static readonly TraceAttribution Standard = new();
}
