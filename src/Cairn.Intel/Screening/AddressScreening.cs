using Cairn.Intel.Addresses;

namespace Cairn.Intel.Screening;

/// <summary>The outcome of screening one address.</summary>
public sealed record AddressScreening
{
    /// <summary>The address as given.</summary>
    public required string Input { get; init; }

    public required ScreeningStatus Status { get; init; }

    /// <summary>The family it was matched in (null when malformed before a family could be told).</summary>
    public AddressFamily? Family { get; init; }

    /// <summary>The normalised form matched, when well-formed.</summary>
    public string? Normalized { get; init; }

    /// <summary>Why the address is malformed.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<ScreeningHit> Hits { get; init; } = [];

    /// <summary>The cluster the chain index put the address in, when a resolver was given and knows it.</summary>
    public long? ClusterId { get; init; }

    public IReadOnlyList<ClusterHit> ClusterHits { get; init; } = [];
}
