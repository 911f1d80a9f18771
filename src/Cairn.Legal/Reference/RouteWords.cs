namespace Cairn.Legal.Reference;

/// <summary>Fixed words shared by the route finder, the drafts and the shells.</summary>
public static class RouteWords
{
    /// <summary>Shown when an instrument's party list is partial and lacks one of the States.</summary>
    public const string PartyStatusUnverifiedText = "party status unverified (list partial)";
}
