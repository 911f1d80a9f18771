namespace Cairn.Workspace.Notifications;

/// <summary>How many notifications the signed-in person has not read.</summary>
public sealed record UnreadCount(long Unread);
