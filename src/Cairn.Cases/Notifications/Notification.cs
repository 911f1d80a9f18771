namespace Cairn.Cases.Notifications;

/// <summary>
/// Something an agency should know: <see cref="Kind"/> (one of <see cref="NotificationKinds"/>) about
/// <see cref="CaseReference"/>, with <see cref="Detail"/> (the grant level, or the overlapping
/// request), who caused it, and when the reading person marked it read (null: unread).
/// </summary>
public sealed record Notification(string Id, string Agency, string Kind, string? CaseReference, string Detail, DateTimeOffset CreatedAt, string CreatedBy, string CreatedAgency, DateTimeOffset? ReadAt);
