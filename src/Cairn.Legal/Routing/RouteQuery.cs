namespace Cairn.Legal.Routing;

/// <summary>Which States, which measure, and whether the request is urgent (urgent-only rules then apply).</summary>
public sealed record RouteQuery(string RequestingState, string RequestedState, string Measure, bool Urgent);
