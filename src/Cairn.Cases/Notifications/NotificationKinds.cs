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

    /// <summary>
    /// Another agency asks to be contacted about an address both hold; detail: "chain address agency user", followed by "cluster" when the
    /// hit was at cluster level (the address is the receiver's own) or "partner" when the asker is a partner node (agency = its node id).
    /// </summary>
    public const string ContactRequest = "contact_request";

    /// <summary>An address of one of the agency's cases is in the same multi-input cluster as an address of another agency's case; detail: "chain own-address cluster-id other-agency".</summary>
    public const string ClusterHit = "cluster_hit";

    /// <summary>An address of one of the agency's cases matched a partner node's match filter (or the partner's answer to ours); detail: "chain address partner-node filter-id keyed-hash".</summary>
    public const string PartnerHit = "partner_hit";

    public static readonly IReadOnlyList<string> All = [CaseShared, CaseRevoked, RequestOverlap, AddressHit, ContactRequest, ClusterHit, PartnerHit];
}
