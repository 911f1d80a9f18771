namespace Cairn.Legal.Routing;

/// <summary>
/// Which States, which measure, whether the request is urgent (urgent-only rules then apply), the
/// case's offence type when known (instruments limited to certain offences, such as UNCAC, are then left
/// out for other offences), and the date the route is judged on (<paramref name="On"/>; null = today).
/// </summary>
public sealed record RouteQuery(string RequestingState, string RequestedState, string Measure, bool Urgent, string? OffenceType = null, DateOnly? On = null);
