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

    public static readonly IReadOnlyList<string> All = [CaseShared, CaseRevoked, RequestOverlap];
}
