namespace Cairn.Tracing.Entities;

/// <summary>The entity an endpoint belongs to and the block time of the transaction that paid it.</summary>
public sealed record EndpointPlacement(string EntityId, DateTimeOffset? Time);
