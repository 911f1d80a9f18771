using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// Who receives a request sent on a route: the requested State's authority for the route's channel
/// (central authority, 24/7 point of contact, FIU, asset recovery office, executing authority), from a
/// declaration under the instrument or from data/legal/contacts.yaml. <see cref="Name"/> is null when the
/// data holds no such authority (then <see cref="Description"/> says which role to find).
/// </summary>
public sealed record Addressee(string Role, string? Name, string? Address, bool Verified, string? Citation, string? Source)
{
    public const string ServiceProvider = "service_provider";

    /// <summary>"Bundesamt für Justiz (central authority)" or "central authority of DE (not in the data)".</summary>
    public string Description(string state) => Name is not null
        ? $"{Name} ({RoleWords})"
        : Role == ServiceProvider ? "the service provider (its designated establishment or legal representative)" : $"{RoleWords} of {state} (not in the data)";

    public string RoleWords => Role == ServiceProvider ? "service provider" : ContactRoles.Describe(Role);
}
