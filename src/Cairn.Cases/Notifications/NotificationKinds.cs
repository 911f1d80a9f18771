namespace Cairn.Cases.Notifications;

/// <summary>The kinds of notification, as stored and as the API names them.</summary>
public static class NotificationKinds
{
    /// <summary>A case was shared with the agency, or its level changed; detail: the level (read, contribute).</summary>
    public const string CaseShared = "case_shared";

    /// <summary>The agency's access to a case was revoked.</summary>
    public const string CaseRevoked = "case_revoked";

    /// <summary>Another agency drafted a request to a State the agency already has a request to, for the same case; detail: "request-id STATE".</summary>
    public const string RequestOverlap = "request_overlap";

    /// <summary>An address of one of the agency's cases is also in another agency's case (no case details); detail: "chain address other-agency".</summary>
    public const string AddressHit = "address_hit";

    /// <summary>Another agency asks to be contacted about an address both hold; detail: "chain address agency user".</summary>
    public const string ContactRequest = "contact_request";

    public static readonly IReadOnlyList<string> All = [CaseShared, CaseRevoked, RequestOverlap, AddressHit, ContactRequest];
}
