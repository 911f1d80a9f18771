using Cairn.Core;

namespace Cairn.Cases.Agencies;

/// <summary>
/// Who does something: a user acting for an agency. Every custody-log entry names one, so
/// a foreign court can see which person of which authority created, changed, read or
/// exported each piece of case data.
/// </summary>
public sealed record Actor
{
    public Actor(string user, string agency)
    {
        User = Identifiers.Require(user, "user");
        Agency = Identifiers.Require(agency, "agency");
    }

    public string User { get; }

    public string Agency { get; }

    public override string ToString() => $"{User}@{Agency}";
}
