using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>An instrument that binds (or, on a partial list, may bind) both States on the date, with each State's standing.</summary>
internal sealed record Candidate(Instrument Instrument, bool Confirmed, PartyStanding Requesting, PartyStanding Requested);
